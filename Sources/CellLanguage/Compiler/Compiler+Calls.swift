import CellRuntime
import SwiftSyntax

/// A call's compiled arguments, and the places of its `&` arguments, written back after the call.
struct CompiledArguments {
    let evaluate: (Frame) throws -> [Argument]
    /// For each `&x` argument: its index and the place it reads from and writes back to.
    let inOutPlaces: [(index: Int, place: Place)]
    /// Each argument's label, code and literal kind when every argument is a plain expression (no `&`, no
    /// trailing closure): what a direct call of a cell function binds without building an argument list.
    let plain: [PlainArgument]?
}

/// An argument written as a plain expression, with its label.
struct PlainArgument {
    let label: String?
    let evaluate: Evaluation
    let literal: LiteralKind
    /// The argument unboxed, when its type is statically `Int`, `Double` or `Bool`.
    let lane: ScalarLane?
}

extension Compiler {
    /// Compiles arguments written at a call site (subscripts take no `&` arguments).
    func compileArguments(_ list: LabeledExprListSyntax, trailingClosure: ClosureExprSyntax?,
                          additional: MultipleTrailingClosureElementListSyntax) throws -> (Frame) throws -> [Argument] {
        try compileCallArguments(list, trailingClosure: trailingClosure, additional: additional).evaluate
    }

    /// Compiles a call's arguments: labels, values, literal kinds, trailing closures and `&` places.
    func compileCallArguments(_ list: LabeledExprListSyntax, trailingClosure: ClosureExprSyntax?,
                              additional: MultipleTrailingClosureElementListSyntax) throws -> CompiledArguments {
        struct Item {
            let label: String?
            let evaluate: Evaluation
            let literal: LiteralKind
            let isTrailingClosure: Bool
            var isInOut = false
            var lane: ScalarLane?
        }
        var items: [Item] = []
        var inOutPlaces: [(index: Int, place: Place)] = []
        for (index, element) in list.enumerated() {
            if let inOut = element.expression.as(InOutExprSyntax.self) {
                // `&standardError`: a library global is passed as it is (nothing to write back).
                if let reference = inOut.expression.as(DeclReferenceExprSyntax.self),
                   case .libraryGlobal? = try? resolve(reference.baseName.text, node: Syntax(reference)) {
                    let compiled = try compileExpression(inOut.expression)
                    items.append(Item(label: element.label?.text, evaluate: compiled.evaluate, literal: .none, isTrailingClosure: false,
                                      isInOut: true))
                    continue
                }
                let place = try compilePlace(inOut.expression, purpose: .inOutArgument)
                inOutPlaces.append((index, place))
                items.append(Item(label: element.label?.text, evaluate: place.read, literal: .none, isTrailingClosure: false, isInOut: true))
                continue
            }
            let compiled = try compileExpression(element.expression)
            items.append(Item(label: element.label?.text, evaluate: compiled.evaluate, literal: compiled.literal, isTrailingClosure: false,
                              lane: compiled.lane))
        }
        if let trailingClosure {
            items.append(Item(label: nil, evaluate: try compileClosure(trailingClosure, expecting: nil).evaluate, literal: .none,
                              isTrailingClosure: true))
        }
        for extra in additional {
            items.append(Item(label: extra.label.text, evaluate: try compileClosure(extra.closure, expecting: nil).evaluate,
                              literal: .none, isTrailingClosure: true))
        }
        let evaluate: (Frame) throws -> [Argument] = { frame in
            var arguments: [Argument] = []
            arguments.reserveCapacity(items.count)
            for item in items {
                arguments.append(Argument(label: item.label, value: try item.evaluate(frame), isTrailingClosure: item.isTrailingClosure,
                                          literal: item.literal, isInOut: item.isInOut))
            }
            return arguments
        }
        let isPlain = items.allSatisfy { !$0.isInOut && !$0.isTrailingClosure }
        return CompiledArguments(evaluate: evaluate, inOutPlaces: inOutPlaces,
                                 plain: isPlain ? items.map { PlainArgument(label: $0.label, evaluate: $0.evaluate, literal: $0.literal, lane: $0.lane) } : nil)
    }

    /// Runs a call with `&` arguments: passes their values and stores back what the callee left in them.
    func withInOut(_ arguments: CompiledArguments, _ call: @escaping (Frame, [Argument], inout [Int: Value]) throws -> Value) -> Evaluation {
        let evaluate = arguments.evaluate, places = arguments.inOutPlaces
        let interpreter = self.interpreter
        if places.isEmpty {
            return { frame in
                var written: [Int: Value] = [:]
                return try call(frame, try evaluate(frame), &written)
            }
        }
        return { frame in
            var written: [Int: Value] = [:]
            let result = try call(frame, try evaluate(frame), &written)
            for (index, place) in places {
                guard let value = written[index] else { continue }
                try place.modify(frame) { current in
                    current = try interpreter.assignmentValue(value, replacing: current, declared: place.type, literal: .none, node: place.node)
                }
            }
            return result
        }
    }

    // MARK: - Calls

    func compileCall(_ call: FunctionCallExprSyntax, expecting expected: TypeExpression?) throws -> Compiled {
        let node = Syntax(call)
        let calleeNode = Syntax(call.calledExpression)
        let arguments = try compileCallArguments(call.arguments, trailingClosure: call.trailingClosure,
                                                 additional: call.additionalTrailingClosures)
        let interpreter = self.interpreter
        let callee = call.calledExpression

        // `.linear(cap: 0.2, steps: 100)`: an implicit member waiting for its type.
        if let member = callee.as(MemberAccessExprSyntax.self), member.base == nil {
            let name = member.declName.baseName.text
            let evaluate = arguments.evaluate
            let make: Evaluation = { frame in .implicitMember(ImplicitMember(name: name, arguments: try evaluate(frame))) }
            return resolvingImplicitMember(make, expecting: expected, node: node)
        }
        // `super.method(...)` and `super.init(...)`.
        if let member = callee.as(MemberAccessExprSyntax.self), let base = member.base, base.is(SuperExprSyntax.self) {
            return try compileSuperCall(member.declName.baseName.text, arguments: arguments, node: node)
        }
        // `self.init(...)` in an initialiser.
        if let member = callee.as(MemberAccessExprSyntax.self), let base = member.base,
           base.as(DeclReferenceExprSyntax.self)?.baseName.text == "self", member.declName.baseName.text == "init" {
            return try compileSelfInitializerCall(arguments: arguments, node: node)
        }
        // `receiver.method(...)`.
        if let member = callee.as(MemberAccessExprSyntax.self), let base = member.base {
            return try compileMethodCall(member.declName.baseName.text, base: base, arguments: arguments, node: node,
                                         memberNode: Syntax(member.declName))
        }
        // `method(...)` inside a method: `self.method(...)`.
        if let reference = callee.as(DeclReferenceExprSyntax.self), case .selfMember(let name)? = try? resolve(reference.baseName.text, node: calleeNode) {
            let selfExpression = ExprSyntax(DeclReferenceExprSyntax(baseName: .keyword(.self)))
            return try compileMethodCall(name, base: selfExpression, arguments: arguments, node: node, memberNode: calleeNode,
                                         implicitSelf: true)
        }
        // `[Double]()`, `[String: Int]()`, `[Int](repeating: 0, count: 3)`.
        let markTry = tryMarker(node)
        if let type = Compiler.collectionType(callee), let collection = try? TypeExpression(type, resolver: self) {
            return Compiled(evaluate: withInOut(arguments) { _, values, _ in
                try interpreter.located(node) { try interpreter.constructCollection(collection, arguments: values) }
            }, node: node)
        }
        let calleeValue = try compileExpression(callee).evaluate
        let general = withInOut(arguments) { frame, values, written in
            let function = try calleeValue(frame)
            markTry(interpreter)
            defer { interpreter.callSiteWithoutTry = nil }
            return try interpreter.located(calleeNode) { try interpreter.call(function, arguments: values, written: &written, node: node) }
        }
        guard let plain = arguments.plain, callee.is(DeclReferenceExprSyntax.self) else {
            return Compiled(evaluate: general, literal: Compiler.repeatedLiteral(call), node: node)
        }
        // `fib(n - 1)`: a cell function called by name with plain arguments in its parameters' order binds them
        // straight into its frame; anything else (a library function, labels to match, defaults, a throwing
        // function's `try` check) takes the general path.
        let direct: Evaluation = { frame in
            guard case .function(let value) = try calleeValue(frame), let closure = value as? CompiledClosure,
                  closure.receiver == nil, interpreter.canCallDirectly(closure.function, labels: plain) else { return try general(frame) }
            return try interpreter.located(calleeNode) { try interpreter.callDirectly(closure, arguments: plain, in: frame) }
        }
        let name = callee.cast(DeclReferenceExprSyntax.self).baseName.text
        if let lane = scalarCall(name, arguments: plain, callee: calleeValue, otherwise: direct, node: calleeNode) {
            return Compiled(lane: lane, node: node)
        }
        return Compiled(evaluate: direct, literal: Compiler.repeatedLiteral(call), node: node)
    }

    /// `Array(repeating: 0, count: n)` takes its element type from the context, as Swift infers it: a `[Float]`
    /// parameter makes it `[Float]`. Its result converts as an array literal of the repeated literal would.
    static func repeatedLiteral(_ call: FunctionCallExprSyntax) -> LiteralKind {
        guard call.calledExpression.as(DeclReferenceExprSyntax.self)?.baseName.text == "Array",
              let first = call.arguments.first, first.label?.text == "repeating" else { return .none }
        var expression = first.expression
        if let prefix = expression.as(PrefixOperatorExprSyntax.self), prefix.operator.text == "-" { expression = prefix.expression }
        if expression.is(IntegerLiteralExprSyntax.self) { return .array(.integer) }
        if expression.is(FloatLiteralExprSyntax.self) { return .array(.floatingPoint) }
        return .none
    }

    /// An implicit member value, resolved now when the context's type is known.
    func resolvingImplicitMember(_ make: @escaping Evaluation, expecting expected: TypeExpression?, node: Syntax) -> Compiled {
        guard let typeName = expected?.memberLookupName else { return Compiled(evaluate: make, node: node) }
        let interpreter = self.interpreter
        return Compiled(evaluate: { frame in
            try interpreter.located(node) { try interpreter.resolveImplicitMember(try make(frame), in: typeName) }
        }, node: node)
    }

    /// The collection type a call's callee spells, as in `[Double]()`.
    static func collectionType(_ callee: ExprSyntax) -> TypeSyntax? {
        if let array = callee.as(ArrayExprSyntax.self), array.elements.count == 1, let element = array.elements.first,
           let type = Compiler.typeSyntax(element.expression) {
            return TypeSyntax(ArrayTypeSyntax(element: type))
        }
        if let dictionary = callee.as(DictionaryExprSyntax.self), case .elements(let elements) = dictionary.content,
           elements.count == 1, let element = elements.first,
           let key = Compiler.typeSyntax(element.key), let value = Compiler.typeSyntax(element.value) {
            return TypeSyntax(DictionaryTypeSyntax(key: key, value: value))
        }
        if let typeExpression = callee.as(TypeExprSyntax.self),
           typeExpression.type.is(ArrayTypeSyntax.self) || typeExpression.type.is(DictionaryTypeSyntax.self) {
            return typeExpression.type
        }
        return nil
    }

    /// An expression that spells a type (`Double`, `[Int]`, `Point`), as a type.
    static func typeSyntax(_ expression: ExprSyntax) -> TypeSyntax? {
        if let reference = expression.as(DeclReferenceExprSyntax.self), reference.baseName.text.first?.isUppercase == true {
            return TypeSyntax(IdentifierTypeSyntax(name: reference.baseName))
        }
        if let typeExpression = expression.as(TypeExprSyntax.self) { return typeExpression.type }
        if let array = expression.as(ArrayExprSyntax.self), array.elements.count == 1, let element = array.elements.first,
           let type = typeSyntax(element.expression) {
            return TypeSyntax(ArrayTypeSyntax(element: type))
        }
        return nil
    }

    /// `base.name(arguments)`: a method of a value (mutating ones change the variable in place), a static
    /// method or initialiser of a type, or a property holding a closure.
    private func compileMethodCall(_ name: String, base: ExprSyntax, arguments: CompiledArguments, node: Syntax, memberNode: Syntax,
                                   implicitSelf: Bool = false) throws -> Compiled {
        let interpreter = self.interpreter
        let markTry = tryMarker(node)
        let cache = MemberCache()
        // A base that can be changed in place (a variable, a property, an element) lets mutating methods work.
        if let place = try? compilePlace(base, purpose: .mutatingMember) {
            let read = place.read, change = place.modify, elementType = place.type?.elementType
            return Compiled(evaluate: withInOut(arguments) { frame, values, written in
                var receiver = try read(frame)
                let target = try interpreter.located(memberNode) { try interpreter.methodTarget(name, of: receiver, cache: cache) }
                markTry(interpreter)
                defer { interpreter.callSiteWithoutTry = nil }
                guard target.isMutating, !interpreter.isReference(receiver) else {
                    return try interpreter.located(memberNode) {
                        try interpreter.invoke(target, receiver: receiver, arguments: values, elementType: elementType,
                                               written: &written, node: node)
                    }
                }
                receiver = .void
                var result: Value = .void
                try change(frame) { value in
                    result = try interpreter.located(memberNode) {
                        try interpreter.invokeMutating(target, receiver: &value, arguments: values, elementType: elementType,
                                                       written: &written, node: node)
                    }
                }
                return result
            }, node: node)
        }
        let receiverValue = try compileExpression(base).evaluate
        let isConstantVariable = base.is(DeclReferenceExprSyntax.self)
        let baseText = base.trimmedDescription
        return Compiled(evaluate: withInOut(arguments) { frame, values, written in
            var receiver = try receiverValue(frame)
            let target = try interpreter.located(memberNode) { try interpreter.methodTarget(name, of: receiver, cache: cache) }
            markTry(interpreter)
            defer { interpreter.callSiteWithoutTry = nil }
            if target.isMutating, !interpreter.isReference(receiver) {
                if isConstantVariable { throw LocatedError(error: .mutatingMemberOnConstant(baseText), node: memberNode) }
                throw LocatedError(error: .typeMismatch("cannot use mutating member on immutable value of type '\(receiver.typeName)'"),
                                   node: memberNode)
            }
            if target.isMutating { return try interpreter.invokeMutating(target, receiver: &receiver, arguments: values, elementType: nil,
                                                                         written: &written, node: node) }
            return try interpreter.located(memberNode) {
                try interpreter.invoke(target, receiver: receiver, arguments: values, elementType: nil, written: &written, node: node)
            }
        }, node: node)
    }
}
