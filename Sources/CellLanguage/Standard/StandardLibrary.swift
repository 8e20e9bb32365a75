import CellRuntime
import Foundation

/// The part of Swift's standard library and Foundation that cells use, written against the interpreter's
/// values: numbers, strings, collections, optionals, ranges, `print`, math. (The model library's bindings are
/// generated; these are the interpreter's own.)
enum StandardLibrary {
    /// Every standard function and type.
    static let table: BindingTable = {
        var table = BindingTable()
        table.add(functions: outputFunctions + globalFunctions + mathFunctions + [displayFunction])
        for type in [intType, doubleType, floatType, boolType, stringType, arrayType, dictionaryType, optionalType, rangeType,
                     sequenceType] {
            table.add(type)
        }
        table.add(urlType, swiftType: URL.self)
        table.add(cancellationErrorType, swiftType: CancellationError.self)
        return table
    }()

    /// A generic parameter of a standard member: any value.
    static func generic(_ name: String) -> SwiftType { .generic(name, constraint: nil) }

    /// A closure parameter type of a standard member.
    static func closure(_ parameters: [SwiftType], _ result: SwiftType) -> SwiftType {
        .function(parameters, result, isThrowing: true)
    }
}

extension FunctionBinding {
    /// A standard member, declared in one line: name, kind, parameters, result, summary and implementation.
    static func standard(_ name: String, _ kind: Kind, _ parameters: [ParameterBinding] = [], returns: SwiftType = .any,
                         mutating isMutating: Bool = false, _ summary: String,
                         _ implementation: @escaping @Sendable (inout BindingCall) throws -> Value) -> FunctionBinding {
        FunctionBinding(name, kind, parameters: parameters, returns: returns, mutating: isMutating,
                        documentation: BindingDocumentation(summary), implementation: implementation)
    }
}

extension BindingCall {
    /// The interpreter that made the call (standard members compare, describe and call back through it).
    var interpreter: Interpreter { callbacks as! Interpreter }

    /// Calls a closure argument.
    func call(_ function: Value, _ arguments: Value...) throws -> Value {
        try interpreter.call(function, arguments: arguments.map { Argument(label: nil, value: $0) }, node: nil)
    }

    /// Calls a predicate closure; fails unless it gives a Bool.
    func test(_ function: Value, _ arguments: Value...) throws -> Bool {
        let result = try interpreter.call(function, arguments: arguments.map { Argument(label: nil, value: $0) }, node: nil)
        guard case .bool(let flag) = result else {
            throw CellLanguageError.cannotConvertArgument(valueType: result.typeName, expectedType: "Bool")
        }
        return flag
    }

    /// The receiver's elements, for sequence members (a range is built; a string gives its characters).
    var elements: [Value] {
        get throws { try interpreter.iterationElements(receiverValue) ?? [] }
    }

    /// Changes the receiver array in place (the only reference to its storage is the one taken here).
    mutating func mutateArray<T>(_ body: (inout [Value]) throws -> T) throws -> T {
        guard case .array(var elements) = receiverValue else {
            throw CellLanguageError.noMember(typeName: receiverValue.typeName, member: "array")
        }
        receiverValue = .void
        defer { receiverValue = .array(elements) }
        return try body(&elements)
    }

    /// The receiver as a string.
    var text: String {
        if case .string(let text) = receiverValue { return text }
        return ""
    }

    /// The Int argument at `index`.
    func int(_ index: Int) -> Int {
        if case .int(let number) = arguments[index] { return number }
        return 0
    }

    /// The String argument at `index`.
    func string(_ index: Int) -> String {
        if case .string(let text) = arguments[index] { return text }
        return ""
    }
}
