import CellRuntime
import SwiftSyntax

extension Interpreter {
    /// Calls a callable value. `written` receives the new values of `inout` arguments, by argument position.
    func call(_ callee: Value, arguments: [Argument], written: inout [Int: Value], node: Syntax?) throws -> Value {
        guard case .function(let function) = callee else {
            if case .type(let type) = callee { return try construct(type, arguments: arguments, written: &written, node: node) }
            guard let target = try? methodTarget("callAsFunction", of: callee) else {
                throw CellLanguageError.typeMismatch("cannot call value of non-function type '\(callee.typeName)'")
            }
            return try invoke(target, receiver: callee, arguments: arguments, elementType: nil, written: &written, node: node)
        }
        switch function {
        case let closure as CompiledClosure:
            var receiver = closure.receiver
            return try invokeCompiled(closure.function, captures: closure.captures, receiver: &receiver, owner: closure.ownerType,
                                      arguments: arguments, written: &written, node: node)
        case let method as CellMethodValue:
            var receiver: Value? = method.receiver
            let chosen = try chooseFunction(method.functions, for: arguments)
            return try invokeCompiled(chosen, captures: [], receiver: &receiver, owner: method.owner, arguments: arguments,
                                      written: &written, node: node)
        case let binding as BindingFunctionValue:
            var receiver = binding.receiver ?? .void
            return try callBindings(binding.name, binding.overloads, receiver: &receiver, arguments: arguments, elementType: nil,
                                    written: &written, node: node)
        case let operation as OperatorFunctionValue:
            guard arguments.count == 2 else {
                throw CellLanguageError.typeMismatch("operator function '\(operation.name)' takes 2 arguments, not \(arguments.count)")
            }
            return try binary(operation.name, arguments[0].value, arguments[1].value, leftLiteral: arguments[0].literal,
                              rightLiteral: arguments[1].literal)
        case let keyPath as KeyPathFunctionValue:
            guard arguments.count == 1 else {
                throw CellLanguageError.typeMismatch("a key path takes 1 argument, not \(arguments.count)")
            }
            return try keyPath.names.reduce(arguments[0].value) { value, name in try member(name, of: value, node: node) }
        case let enumCase as EnumCaseFunctionValue:
            return try makeCase(enumCase.type, enumCase.caseIndex, arguments: arguments)
        case let initializer as InitializerFunctionValue:
            return try construct(initializer.type, arguments: arguments, written: &written, node: node)
        default:
            throw CellLanguageError.typeMismatch("cannot call value of type '\(callee.typeName)'")
        }
    }

    /// Calls what a method call resolved to, on a receiver it does not change.
    func invoke(_ target: MethodTarget, receiver: Value, arguments: [Argument], elementType: TypeExpression?,
                written: inout [Int: Value], node: Syntax?) throws -> Value {
        var value = receiver
        return try invokeMutating(target, receiver: &value, arguments: arguments, elementType: elementType, written: &written, node: node)
    }

    /// Calls what a method call resolved to; a mutating method changes `receiver`.
    func invokeMutating(_ target: MethodTarget, receiver: inout Value, arguments: [Argument], elementType: TypeExpression?,
                        written: inout [Int: Value], node: Syntax?) throws -> Value {
        switch target {
        case .compiled(let functions, let owner):
            let chosen = try chooseFunction(functions, for: arguments)
            var selfValue: Value? = receiver
            defer { if let selfValue, chosen.isMutating { receiver = selfValue } }
            return try invokeCompiled(chosen, captures: [], receiver: &selfValue, owner: owner, arguments: arguments,
                                      written: &written, node: node)
        case .bindings(let name, let overloads):
            return try callBindings(name, overloads, receiver: &receiver, arguments: arguments, elementType: elementType,
                                    written: &written, node: node)
        case .value(let function):
            return try call(function, arguments: arguments, written: &written, node: node)
        }
    }

    /// The overload of a cell function whose labels fit the arguments.
    func chooseFunction(_ functions: [CompiledFunction], for arguments: [Argument]) throws -> CompiledFunction {
        if functions.count == 1 { return functions[0] }
        for function in functions where (try? matchArguments(arguments, to: function.shapes)) != nil { return function }
        throw CellLanguageError.noMatchingOverload(functions[0].name)
    }

    // MARK: - Cell functions

    /// Runs a cell function: binds the arguments (converted to the parameters' types) in a new frame, runs the
    /// body, converts the result. For methods `receiver` is `self`, written back when the method mutates.
    func invokeCompiled(_ function: CompiledFunction, captures: [Box], receiver: inout Value?, owner: CellNominalType?,
                        arguments: [Argument], written: inout [Int: Value], node: Syntax?) throws -> Value {
        if callSiteWithoutTry != nil { try requireTry(isThrowing: function.isThrowing) }
        try enterCall()
        defer { callDepth -= 1 }
        var arguments = arguments
        // A closure of several parameters called with one tuple (`dictionary.map { key, value in ... }`).
        if function.parameters.count > 1, arguments.count == 1, case .tuple(let tuple) = arguments[0].value,
           tuple.elements.count == function.parameters.count {
            arguments = tuple.elements.map { Argument(label: nil, value: $0) }
        }
        let frame = Frame.make(slotCount: function.slotCount, boxCount: function.boxCount, captures: captures)
        if let storage = function.selfStorage, let receiver { Interpreter.initialize(storage, in: frame, to: receiver) }
        // The common call (each argument in order, with its parameter's label) binds directly; `matched` stays
        // nil, meaning argument i fills parameter i.
        var matched: [MatchedArgument]?
        let order = function.bindingOrder
        if function.isSimple, arguments.count == order.count,
           arguments.indices.allSatisfy({ arguments[$0].label == order[$0].label || (arguments[$0].isTrailingClosure && arguments[$0].label == nil) }) {
            for index in arguments.indices {
                try arguments[index].checkInOut(forInOutParameter: false)
                Interpreter.initialize(order[index].storage, in: frame, to: try parameterValue(arguments[index].value, literal: arguments[index].literal, type: order[index].type))
            }
        } else {
            let matches = function.acceptsExtraArguments && function.parameters.isEmpty
                ? [] : try matchArguments(arguments, to: function.shapes, acceptsExtra: function.acceptsExtraArguments)
            matched = matches
            try bind(arguments, matched: matches, to: function.parameters, in: frame)
        }
        let result = try runBody(of: function, in: frame)
        if function.isMutating, let storage = function.selfStorage { receiver = Interpreter.read(storage, in: frame) }
        for index in function.inOutPositions {
            let position: Int?
            if let matched { if case .value(let argumentIndex) = matched[index] { position = argumentIndex } else { position = nil } }
            else { position = index }
            if let position { written[position] = Interpreter.read(order[index].storage, in: frame) }
        }
        return result
    }

    /// Whether a call site's plain arguments can be bound to `function` in order: a non-throwing function whose
    /// parameters are all required, not variadic nor `inout`, with the labels the call writes.
    func canCallDirectly(_ function: CompiledFunction, labels arguments: [PlainArgument]) -> Bool {
        guard function.isSimple, !function.isThrowing, function.selfStorage == nil, arguments.count == function.bindingOrder.count else {
            return false
        }
        for index in arguments.indices where arguments[index].label != function.bindingOrder[index].label { return false }
        return true
    }

    /// Calls a cell function with arguments evaluated in the caller's frame straight into the callee's (see
    /// ``canCallDirectly(_:labels:)``), converting each to its parameter's type and the result to the return type.
    func callDirectly(_ closure: CompiledClosure, arguments: [PlainArgument],
                      in callerFrame: Frame) throws -> Value {
        let function = closure.function
        try enterCall()
        defer { callDepth -= 1 }
        let frame = Frame.make(slotCount: function.slotCount, boxCount: function.boxCount, captures: closure.captures)
        let order = function.bindingOrder
        for index in arguments.indices {
            let value = try parameterValue(try arguments[index].evaluate(callerFrame), literal: arguments[index].literal, type: order[index].type)
            Interpreter.initialize(order[index].storage, in: frame, to: value)
        }
        return try runBody(of: function, in: frame)
    }

    /// Runs a function's body in its bound frame and gives its result as the declared return type.
    func runBody(of function: CompiledFunction, in frame: Frame) throws -> Value {
        var result: Value
        var literal: LiteralKind = .none
        if let single = function.singleExpression {
            result = try single(frame)
            literal = function.singleExpressionLiteral
        } else {
            switch try function.body(frame) {
            case .returning: result = frame.returnValue
            default: result = .void
            }
        }
        guard let type = function.returnType else { return result }
        if let converted = try coerce(result, to: type, literal: literal) { return converted }
        if !type.isVoidType {
            throw CellLanguageError.typeMismatch("cannot convert return expression of type '\(result.typeName)' to return type '\(type)'")
        }
        return result
    }

    /// Binds arguments matched by label (defaults filled, variadic arguments gathered) to the parameters' storage.
    private func bind(_ arguments: [Argument], matched: [MatchedArgument], to parameters: [CompiledParameter], in frame: Frame) throws {
        for (parameter, match) in zip(parameters, matched) {
            var value: Value
            switch match {
            case .value(let index):
                try arguments[index].checkInOut(forInOutParameter: parameter.isInOut)
                value = try parameterValue(arguments[index].value, literal: arguments[index].literal, type: parameter.type)
            case .variadic(let indices):
                value = .array(try indices.map { index in
                    var element = arguments[index]
                    if case .array(let elementType)? = parameter.type {
                        guard let converted = try coerce(element.value, to: elementType, literal: element.literal) else {
                            throw CellLanguageError.cannotConvertArgument(valueType: element.value.typeName, expectedType: elementType.description)
                        }
                        element.value = converted
                    }
                    return element.value
                })
            case .defaulted:
                guard let defaultValue = parameter.defaultValue else { continue }
                let defaultFrame = Frame.make(slotCount: defaultValue.slotCount, boxCount: 0, captures: [])
                value = try defaultValue.evaluation(defaultFrame)
                if let type = parameter.type, let converted = try coerce(value, to: type, literal: defaultValue.literal) { value = converted }
            }
            Interpreter.initialize(parameter.storage, in: frame, to: value)
        }
    }

    /// An argument converted to its parameter's declared type.
    private func parameterValue(_ value: Value, literal: LiteralKind, type: TypeExpression?) throws -> Value {
        guard let type else { return value }
        guard let converted = try coerce(value, to: type, literal: literal) else {
            throw CellLanguageError.cannotConvertArgument(valueType: value.typeName, expectedType: type.description)
        }
        return converted
    }

    /// Runs a property getter or setter of a cell type with `receiver` as `self`.
    func invokeAccessor(_ accessor: CompiledFunction, receiver: Value, owner: CellNominalType?, arguments: [Argument],
                        node: Syntax?) throws -> Value {
        var selfValue: Value? = receiver
        var written: [Int: Value] = [:]
        return try invokeCompiled(accessor, captures: [], receiver: &selfValue, owner: owner, arguments: arguments, written: &written,
                                  node: node)
    }

    static func initialize(_ storage: Storage, in frame: Frame, to value: Value) {
        switch storage {
        case .slot(let index): frame.slots[index] = value
        case .box(let index): frame.boxes[index] = Box(value)
        case .capture(let index): frame.captures[index].value = value
        case .global(let global): global.value = value
        }
    }

    static func read(_ storage: Storage, in frame: Frame) -> Value {
        switch storage {
        case .slot(let index): return frame.slots[index]
        case .box(let index): return frame.boxes[index].value
        case .capture(let index): return frame.captures[index].value
        case .global(let global): return global.value
        }
    }

    // MARK: - Bindings

    /// Calls the overload of a standard or library function whose labels and types fit the arguments best.
    func callBindings(_ name: String, _ overloads: [FunctionBinding], receiver: inout Value, arguments: [Argument],
                      elementType: TypeExpression?, written: inout [Int: Value], node: Syntax?) throws -> Value {
        if overloads.count == 1,
           let result = try callExactly(overloads[0], receiver: &receiver, arguments: arguments, elementType: elementType, node: node) {
            return result
        }
        var best: (binding: FunctionBinding, values: [Value], given: [Bool], literals: [LiteralKind], positions: [Int?], cost: Int)?
        var firstError: Error?
        // The error of an overload whose labels fit says more than a label mismatch of another.
        var conversionError: Error?
        let hint = elementType ?? Interpreter.elementHint(of: receiver)
        for binding in overloads {
            guard let matched = try? matchArguments(arguments, to: binding.parameters.map(\.shape)) else {
                do { _ = try matchArguments(arguments, to: binding.parameters.map(\.shape)) } catch { if firstError == nil { firstError = error } }
                continue
            }
            do {
                var values: [Value] = [], given: [Bool] = [], literals: [LiteralKind] = [], positions: [Int?] = []
                var cost = 0
                for (parameter, match) in zip(binding.parameters, matched) {
                    switch match {
                    case .value(let index):
                        let argument = arguments[index]
                        try argument.checkInOut(forInOutParameter: parameter.isInOut)
                        let (value, conversions) = try argumentValue(argument.value, literal: argument.literal, for: parameter.type,
                                                                     elementHint: hint)
                        cost += conversions
                        values.append(value)
                        given.append(true)
                        literals.append(argument.literal)
                        positions.append(index)
                    case .variadic(let indices):
                        var elements: [Value] = []
                        for index in indices {
                            let (value, conversions) = try argumentValue(arguments[index].value, literal: arguments[index].literal,
                                                                         for: parameter.type, elementHint: hint)
                            cost += conversions
                            elements.append(value)
                        }
                        values.append(.array(elements))
                        given.append(true)
                        literals.append(.none)
                        positions.append(nil)
                    case .defaulted:
                        values.append(.void)
                        given.append(false)
                        literals.append(.none)
                        positions.append(nil)
                    }
                }
                if best == nil || cost < best!.cost { best = (binding, values, given, literals, positions, cost) }
                if cost == 0 { break }
            } catch let error as CellLanguageError {
                if conversionError == nil { conversionError = error }
            }
        }
        guard let chosen = best else {
            if let conversionError { throw conversionError }
            if overloads.count > 1 {
                let sameCount = overloads.filter { $0.parameters.filter { !$0.hasDefault }.count <= arguments.count && $0.parameters.count >= arguments.count }
                if sameCount.count == 1, let error = firstError { throw error }
                throw CellLanguageError.noMatchingOverload(name)
            }
            throw firstError ?? CellLanguageError.noMatchingOverload(name)
        }
        var call = BindingCall(receiver: receiver, arguments: chosen.values, given: chosen.given, parameters: chosen.binding.parameters,
                               returnType: chosen.binding.returnType, callbacks: self, literals: chosen.literals)
        call.elementType = hint?.swiftType
        let result = try run(chosen.binding, &call, receiver: &receiver, node: node)
        for (index, value) in call.inOutResults {
            if let position = chosen.positions[index] { written[position] = value }
        }
        return result
    }

    /// The common call, `xs.append(x)` or `generator.nextUnitFloat()`: one overload, and every argument written
    /// in order, with its parameter's label, already of its parameter's type. No matching, ranking or conversion
    /// is needed; nil when the call needs them (the general path then also words the errors).
    private func callExactly(_ binding: FunctionBinding, receiver: inout Value, arguments: [Argument], elementType: TypeExpression?,
                             node: Syntax?) throws -> Value? {
        let parameters = binding.parameters
        guard parameters.count == arguments.count else { return nil }
        var hint = elementType
        var hasLiteral = false
        for index in arguments.indices {
            let parameter = parameters[index], argument = arguments[index]
            guard argument.label == parameter.label, !parameter.isVariadic, !parameter.isInOut, !argument.isInOut else { return nil }
            if argument.literal != .none { hasLiteral = true }
            switch (parameter.type, argument.value) {
            case (.int, .int), (.integer, .int), (.double, .double), (.float, .float), (.bool, .bool), (.string, .string):
                continue
            case (.generic("Element", nil), let value):
                if hint == nil { hint = Interpreter.elementHint(of: receiver) }
                switch (hint, value) {
                case (.int?, .int), (.double?, .double), (.float?, .float), (.string?, .string): continue
                default: return nil
                }
            default:
                return nil
            }
        }
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        for argument in arguments { values.append(argument.value) }
        var call = BindingCall(receiver: receiver, arguments: values, given: [Bool](repeating: true, count: arguments.count),
                               parameters: parameters, returnType: binding.returnType, callbacks: self,
                               literals: hasLiteral ? arguments.map { $0.literal } : [])
        call.elementType = (hint ?? Interpreter.elementHint(of: receiver))?.swiftType
        return try run(binding, &call, receiver: &receiver, node: node)
    }

    /// Runs the binding a call chose: a mutating one's receiver is moved into the call and back (so a value it
    /// alone holds is changed in place), a throwing one needs `try`, sizes are checked, then the library runs.
    private func run(_ binding: FunctionBinding, _ call: inout BindingCall, receiver: inout Value, node: Syntax?) throws -> Value {
        if binding.isMutating { receiver = .void }
        defer { if binding.isMutating { receiver = call.receiverValue } }
        try requireTry(isThrowing: binding.isThrowing, isOperator: binding.isThrowing && binding.isOperator)
        if let host, !call.arguments.isEmpty {
            let arguments = call.arguments
            try runLibrary(node) { try host.checkArguments(of: binding, arguments: arguments) }
        }
        return try runLibrary(node) { try binding.implementation(&call) }
    }

    /// The element type a standard collection method's `Element` parameter takes, from the receiver's elements.
    static func elementHint(of receiver: Value) -> TypeExpression? {
        guard case .array(let elements) = receiver, let first = elements.first else { return nil }
        switch first {
        case .double: return .double
        case .float: return .float
        case .int: return .int
        case .string: return .string
        default: return nil
        }
    }

    /// An argument converted to a binding parameter's type, and how many conversions that took (the overload
    /// needing fewest wins); throws when it does not fit.
    func argumentValue(_ value: Value, literal: LiteralKind, for type: SwiftType, elementHint: TypeExpression?) throws -> (Value, Int) {
        if case .implicitMember(let member) = value, type.memberLookupType == nil {
            throw CellLanguageError.typeMismatch("cannot infer contextual base in reference to member '\(member.name)'")
        }
        if case .generic(let name, nil) = type {
            if name == "Element", let elementHint {
                guard let converted = try coerce(value, to: elementHint, literal: literal) else {
                    throw CellLanguageError.cannotConvertArgument(valueType: value.typeName, expectedType: elementHint.description)
                }
                return (converted, 0)
            }
            return (value, 1)
        }
        if let converted = try coerceToBinding(value, type, literal: literal) {
            let cost: Int
            switch (value, converted) {
            case (.int, .int), (.double, .double), (.float, .float): cost = 0
            case (.int, _), (.double, _): cost = 1
            default: cost = 0
            }
            return (converted, cost)
        }
        throw CellLanguageError.cannotConvertArgument(valueType: value.typeName, expectedType: type.description)
    }

    /// `value` as a binding's declared Swift type (the rules of ``coerce(_:to:literal:)``), or nil.
    func coerceToBinding(_ value: Value, _ type: SwiftType, literal: LiteralKind) throws -> Value? {
        if case .implicitMember = value, let name = type.memberLookupType {
            return try coerceToBinding(try resolveImplicitMember(value, in: name), type, literal: .none)
        }
        switch (type, value) {
        case (.any, _), (.void, .void): return value
        case (.int, .int), (.double, .double), (.float, .float), (.bool, .bool), (.string, .string), (.integer, .int): return value
        case (.double, .int(let number)) where literal == .integer: return .double(Double(number))
        case (.float, .int(let number)) where literal == .integer: return .float(Float(number))
        case (.float, .double(let number)) where literal == .floatingPoint: return .float(Float(number))
        case (.optional, .optional(nil)): return value
        case (.optional(let wrapped), .optional(let inner?)): return try coerceToBinding(inner, wrapped, literal: literal).map { .optional($0) }
        case (.optional(let wrapped), _): return try coerceToBinding(value, wrapped, literal: literal).map { .optional($0) }
        case (.array(let element), .array(let elements)):
            var elementLiteral: LiteralKind = .none
            if case .array(let kind) = literal { elementLiteral = kind }
            guard let first = elements.first else { return value }
            guard elementLiteral != .none || needsElementConversion(first, element) else {
                return try coerceToBinding(first, element, literal: .none) == nil ? nil : value
            }
            var converted: [Value] = []
            converted.reserveCapacity(elements.count)
            for item in elements {
                guard let fitted = try coerceToBinding(item, element, literal: elementLiteral) else { return nil }
                converted.append(fitted)
            }
            return .array(converted)
        case (.dictionary(let keyType, let valueType), .dictionary(let dictionary)):
            for (key, element) in dictionary.entries.prefix(1) {
                guard try coerceToBinding(key.value, keyType, literal: .none) != nil,
                      try coerceToBinding(element, valueType, literal: .none) != nil else { return nil }
            }
            return value
        case (.tuple(_, let types), .tuple(let tuple)) where types.count == tuple.elements.count:
            var elements: [Value] = []
            for (element, elementType) in zip(tuple.elements, types) {
                guard let fitted = try coerceToBinding(element, elementType, literal: .none) else { return nil }
                elements.append(fitted)
            }
            return .tuple(TupleValue(elements, labels: tuple.labels))
        case (.function, .function): return value
        case (.range(let isClosed), .range(_, _, let valueIsClosed)) where isClosed == valueIsClosed: return value
        case (.generic(_, let constraint?), _): return try coerceToBinding(value, constraint, literal: literal)
        case (.generic(_, nil), _): return value
        case (.named(let name), _): return try namedValueFits(value, name) ? value : nil
        default: return nil
        }
    }

    private func needsElementConversion(_ element: Value, _ type: SwiftType) -> Bool {
        switch (type, element) {
        case (.optional, .optional): return false
        case (.optional, _): return true
        case (_, .implicitMember): return true
        default: return false
        }
    }

    /// Whether a value is an instance of the library type called `name`.
    private func namedValueFits(_ value: Value, _ name: String) throws -> Bool {
        switch (name, value) {
        case ("Any", _): return true
        case ("Character", .string(let text)): return text.count == 1
        case ("ClosedRange<Float>", .range(_, _, true)), ("ClosedRange<Double>", .range(_, _, true)): return true
        default: break
        }
        guard let binding = bindings.types[name] else {
            if case .opaque(let box) = value { return Value.swiftTypeName(type(of: box.value)) == name }
            return false
        }
        switch value {
        case .object(let object): return binding.matches(object)
        case .opaque(let box): return binding.matches(box.value)
        case .structure(let structure): return conformsToProtocol(structure.type, name)
        case .enumeration(let enumeration): return conformsToProtocol(enumeration.type, name)
        default: return false
        }
    }

    /// Runs library code: its errors become catchable thrown errors, a callback's error is rethrown, and an
    /// interrupt that stopped it (a training loop checks the flag) fails the cell.
    func runLibrary<T>(_ node: Syntax?, _ body: () throws -> T) throws -> T {
        let result: T
        do {
            result = try body()
        } catch let error as CellLanguageError {
            throw error
        } catch let error as LocatedError {
            throw error
        } catch let error as ThrownError {
            throw error
        } catch {
            throw ThrownError(value: Bridge.value(fromAny: error), node: node)
        }
        try rethrowPendingCallbackError()
        if interruption.isRequested { throw CellLanguageError.interrupted }
        return result
    }

    // MARK: - Operators of library and cell types

    /// `left name right` through a library type's operator (`tensor * 2`), if either operand's type has one.
    func libraryOperator(_ name: String, _ left: Value, _ right: Value, leftLiteral: LiteralKind, rightLiteral: LiteralKind) throws -> Value? {
        var overloads: [FunctionBinding] = []
        for operand in [left, right] {
            guard let binding = libraryBinding(of: operand) else { continue }
            for type in bindings.lineage(of: binding) { overloads += type.staticMembers[name]?.filter { $0.parameters.count == 2 } ?? [] }
        }
        overloads += bindings.functions[name]?.filter { $0.parameters.count == 2 } ?? []
        guard !overloads.isEmpty else { return nil }
        var receiver = Value.void
        var written: [Int: Value] = [:]
        return try callBindings(name, overloads, receiver: &receiver,
                                arguments: [Argument(label: nil, value: left, literal: leftLiteral),
                                            Argument(label: nil, value: right, literal: rightLiteral)],
                                elementType: nil, written: &written, node: nil)
    }

    /// `name operand` through a library type's prefix operator (`-tensor`).
    func libraryPrefixOperator(_ name: String, _ operand: Value) throws -> Value? {
        guard let binding = libraryBinding(of: operand),
              let overloads = binding.staticMembers[name]?.filter({ $0.parameters.count == 1 }), !overloads.isEmpty else { return nil }
        var receiver = Value.void
        var written: [Int: Value] = [:]
        return try callBindings(name, overloads, receiver: &receiver, arguments: [Argument(label: nil, value: operand)],
                                elementType: nil, written: &written, node: nil)
    }

    /// `left name right` through an operator a cell type declares (`static func + (a: Vector, b: Vector)`).
    func cellOperator(_ name: String, _ left: Value, _ right: Value) throws -> Value? {
        for operand in [left, right] {
            guard let type = cellType(of: operand) else { continue }
            for current in type.classChain {
                guard let functions = current.staticMethods[name] else { continue }
                var receiver: Value? = .type(.declared(current))
                var written: [Int: Value] = [:]
                return try invokeCompiled(functions[0], captures: [], receiver: &receiver, owner: current,
                                          arguments: [Argument(label: nil, value: left), Argument(label: nil, value: right)],
                                          written: &written, node: nil)
            }
        }
        return nil
    }

    /// The cell type of a value declared by a cell.
    func cellType(of value: Value) -> CellNominalType? {
        switch value {
        case .structure(let structure): return structure.type as? CellNominalType
        case .enumeration(let enumeration): return enumeration.type as? CellNominalType
        case .object(let object as CellInstance): return object.cellType as? CellNominalType
        default: return nil
        }
    }
}

extension TypeExpression {
    /// Whether the type is `Void`.
    var isVoidType: Bool {
        if case .void = self { return true }
        return false
    }
}

extension FunctionBinding {
    /// Whether the binding is an operator (`+`, `*`), which words the missing-`try` error differently.
    var isOperator: Bool { name.first.map { !$0.isLetter && $0 != "_" } ?? false }
}
