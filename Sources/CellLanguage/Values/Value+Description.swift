extension Value {
    /// What `print` shows: Swift's `description` (`ab`, `[1, 2, 3]`, `Optional(3)`).
    var description: String {
        switch self {
        case .int(let number): return String(number)
        case .double(let number): return String(describing: number)
        case .bool(let flag): return flag ? "true" : "false"
        case .string(let text): return text
        case .array(let elements): return "[" + elements.map(\.debugDescription).joined(separator: ", ") + "]"
        case .dictionary(let dictionary):
            if dictionary.count == 0 { return "[:]" }
            let pairs = dictionary.entries.map { $0.key.value.debugDescription + ": " + $0.value.debugDescription }
            return "[" + pairs.joined(separator: ", ") + "]"
        case .optional(let wrapped):
            guard let wrapped else { return "nil" }
            return "Optional(" + wrapped.debugDescription + ")"
        case .range(let lower, let upper, let isClosed): return "\(lower)\(isClosed ? "..." : "..<")\(upper)"
        case .tuple(let elements, let labels):
            let parts = zip(elements, labels).map { element, label in
                (label.map { $0 + ": " } ?? "") + element.debugDescription
            }
            return "(" + parts.joined(separator: ", ") + ")"
        case .function: return "(Function)"
        case .structure(let instance):
            let parts = zip(instance.declaration.properties, instance.properties).map { property, value in
                property.name + ": " + value.debugDescription
            }
            return instance.declaration.name + "(" + parts.joined(separator: ", ") + ")"
        case .type(let name): return name
        case .host(let object): return object.plainDescription
        case .void: return "()"
        }
    }

    /// What the REPL shows for a cell's value and what collections show for elements: strings quoted.
    var debugDescription: String {
        switch self {
        case .string(let text): return text.debugDescription
        default: return description
        }
    }

    /// The cell result rendering: text/plain plus whatever a rich host object provides.
    var richOutput: RichOutput {
        if case .host(let object) = self, let rich = object as? RichRepresentable {
            var output = rich.richOutput()
            if output.data["text/plain"] == nil { output.data["text/plain"] = debugDescription }
            return output
        }
        return RichOutput(plainText: debugDescription)
    }
}
