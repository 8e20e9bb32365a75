import CellRuntime
import SwiftSyntax

extension Interpreter {
    /// What `print` and string interpolation show: Swift's `description` (`ab`, `[1, 2, 3]`, `Optional(3)`, `red`).
    func description(of value: Value) -> String {
        switch value {
        case .void: return "()"
        case .int(let number): return String(number)
        case .double(let number): return String(describing: number)
        case .float(let number): return String(describing: number)
        case .bool(let flag): return flag ? "true" : "false"
        case .string(let text): return text
        case .array(let elements): return "[" + elements.map { debugDescription(of: $0) }.joined(separator: ", ") + "]"
        case .dictionary(let dictionary):
            if dictionary.count == 0 { return "[:]" }
            return "[" + dictionary.entries.map { debugDescription(of: $0.key.value) + ": " + debugDescription(of: $0.value) }
                .joined(separator: ", ") + "]"
        case .optional(let wrapped):
            guard let wrapped else { return "nil" }
            return "Optional(" + debugDescription(of: wrapped) + ")"
        case .range(let lower, let upper, let isClosed): return "\(lower)\(isClosed ? "..." : "..<")\(upper)"
        case .tuple(let tuple):
            return "(" + zip(tuple.labels, tuple.elements).map { ($0.map { $0 + ": " } ?? "") + debugDescription(of: $1) }
                .joined(separator: ", ") + ")"
        case .function: return "(Function)"
        case .structure(let structure):
            if let custom = customDescription(of: value) { return custom }
            return structure.type.name + "(" + fieldList(structure.type, structure.fields) + ")"
        case .enumeration(let enumeration):
            if let custom = customDescription(of: value) { return custom }
            return caseText(enumeration)
        case .object(let object as CellInstance):
            if let custom = customDescription(of: value) { return custom }
            // A `Module` subclass describes itself as modules do: its parameters.
            if (object.cellType as? CellNominalType)?.librarySuperclass != nil, let host { return host.richOutput(of: object).plainText }
            return object.cellType.name
        case .object(let object): return String(describing: object)
        case .opaque(let box): return String(describing: box.value)
        case .type(let type):
            switch type {
            case .named(let name), .collection(let name): return name
            case .declared(let declared): return declared.name
            }
        case .implicitMember(let member): return "." + member.name
        }
    }

    /// What the REPL shows for a cell's value and collections show for their elements: strings quoted, enum
    /// cases with their type, library values as the notebook renders them.
    func debugDescription(of value: Value) -> String {
        switch value {
        case .string(let text): return text.debugDescription
        case .enumeration(let enumeration):
            if let custom = customDescription(of: value) { return custom }
            return enumeration.type.name + "." + caseText(enumeration)
        case .object(let object) where !(object is CellInstance): return host?.richOutput(of: object).plainText ?? description(of: value)
        case .opaque(let box): return host?.richOutput(of: box.value).plainText ?? description(of: value)
        default: return description(of: value)
        }
    }

    private func caseText(_ enumeration: EnumerationValue) -> String {
        guard let type = enumeration.type as? CellNominalType else { return "?" }
        let item = type.cases[enumeration.caseIndex]
        guard !enumeration.payload.isEmpty else { return item.name }
        return item.name + "(" + zip(item.labels, enumeration.payload).map { ($0.map { $0 + ": " } ?? "") + debugDescription(of: $1) }
            .joined(separator: ", ") + ")"
    }

    private func fieldList(_ type: CellDeclaredType, _ fields: [Value]) -> String {
        guard let nominal = type as? CellNominalType else { return "" }
        return zip(nominal.allStoredProperties, fields).map { $0.name + ": " + debugDescription(of: $1) }.joined(separator: ", ")
    }

    /// The `description` a cell type declares (adopting CustomStringConvertible), if any.
    private func customDescription(of value: Value) -> String? {
        guard let type = cellType(of: value),
              type.classChain.contains(where: { $0.computedProperties["description"] != nil || $0.conformances.contains("CustomStringConvertible") }),
              case .string(let text)? = try? member("description", of: value, node: nil) else { return nil }
        return text
    }

    /// A cell's result or a displayed value, in every form the notebook can show: a library value's rich
    /// renderings, a cell type's own `mimeBundle()`, and text/plain for all.
    func richOutput(of value: Value) -> RichOutput {
        switch value {
        case .object(let object) where !(object is CellInstance):
            if let host { return host.richOutput(of: object) }
        case .opaque(let box):
            if let host { return host.richOutput(of: box.value) }
        default:
            break
        }
        if cellType(of: value)?.classChain.contains(where: { $0.methods["mimeBundle"] != nil }) == true,
           let bundle = try? call(try member("mimeBundle", of: value, node: nil), arguments: [], node: nil),
           case .dictionary(let dictionary) = bundle {
            var data: [String: String] = [:]
            for (key, element) in dictionary.entries {
                if case .string(let mime) = key.value, case .string(let text) = element { data[mime] = text }
            }
            if data["text/plain"] == nil { data["text/plain"] = debugDescription(of: value) }
            return RichOutput(data: data)
        }
        return RichOutput(plainText: debugDescription(of: value))
    }

    /// Calls a function value (no `inout` write-back).
    func call(_ callee: Value, arguments: [Argument], node: SwiftSyntax.Syntax?) throws -> Value {
        var written: [Int: Value] = [:]
        return try call(callee, arguments: arguments, written: &written, node: node)
    }
}
