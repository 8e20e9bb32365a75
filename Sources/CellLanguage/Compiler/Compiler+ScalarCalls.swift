import CellRuntime
import SwiftSyntax

/// A call site of a cell function with a ``ScalarSignature``: the arguments go unboxed into the callee's slots.
/// The function is looked up on every call (a cell may redefine it); one that no longer has the signature the
/// site was compiled for takes the general path.
final class ScalarCallSite {
    let signature: ScalarSignature
    let labels: [String?]
    let interpreter: Interpreter
    /// The closure last checked against the signature and labels; the fields below are read on every call without
    /// reference counting, which this strong reference makes safe.
    private var verified: CompiledClosure?
    private var verifiedIdentifier: ObjectIdentifier?
    private unowned(unsafe) var verifiedFunction: CompiledFunction?
    /// The verified function's single-expression body, by its kind.
    private(set) unowned(unsafe) var intBody: IntCode?
    private(set) unowned(unsafe) var doubleBody: DoubleCode?
    private(set) unowned(unsafe) var boolBody: BoolCode?
    /// At most this many frames are kept per function (a deep recursion does not keep all of its frames).
    static let spareFrameLimit = 64

    init(signature: ScalarSignature, labels: [String?], interpreter: Interpreter) {
        self.signature = signature
        self.labels = labels
        self.interpreter = interpreter
    }

    /// Code that evaluates the arguments in the caller's frame and stores them into the callee's parameter slots
    /// (slot `i` holds parameter `i`; see ``CompiledFunction/scalarSignature``): one closure for the common one- and
    /// two-argument calls.
    static func binder(_ arguments: [ScalarLane]) -> (_ caller: Frame, _ callee: Frame) throws -> Void {
        func store(_ lane: ScalarLane, at slot: Int) -> (Frame, Frame) throws -> Void {
            switch lane {
            case .int(let code): return { [run = code.run] caller, callee in callee.slots[slot] = .int(try run(caller)) }
            case .double(let code): return { [run = code.run] caller, callee in callee.slots[slot] = .double(try run(caller)) }
            case .bool(let code): return { [run = code.run] caller, callee in callee.slots[slot] = .bool(try run(caller)) }
            }
        }
        switch arguments.count {
        case 0: return { _, _ in }
        case 1: return store(arguments[0], at: 0)
        case 2:
            let first = store(arguments[0], at: 0), second = store(arguments[1], at: 1)
            return { caller, callee in
                try first(caller, callee)
                try second(caller, callee)
            }
        default:
            let stores = arguments.indices.map { store(arguments[$0], at: $0) }
            return { caller, callee in
                for store in stores { try store(caller, callee) }
            }
        }
    }

    /// The function being called, once ``enter(_:from:bind:)`` gave a frame.
    var function: CompiledFunction { verifiedFunction.unsafelyUnwrapped }

    /// A frame for calling `callee` with the arguments bound (a spare one of the function's when it has one), the
    /// call depth entered; nil when the callee does not fit the site. ``leave(_:)`` ends the call.
    @inline(__always)
    func enter(_ callee: Value, from frame: Frame, bind: (Frame, Frame) throws -> Void) throws -> Frame? {
        guard case .function(let value) = callee else { return nil }
        if ObjectIdentifier(value) != verifiedIdentifier {
            guard let closure = value as? CompiledClosure, closure.receiver == nil, closure.captures.isEmpty,
                  closure.function.scalarSignature == signature, closure.function.bindingOrder.map(\.label) == labels else { return nil }
            verify(closure)
        }
        let function = self.function
        let calleeFrame = function.spareFrames.popLast() ?? Frame.make(slotCount: function.slotCount, boxCount: function.boxCount, captures: [])
        try bind(frame, calleeFrame)
        try interpreter.enterCall()
        return calleeFrame
    }

    private func verify(_ closure: CompiledClosure) {
        verified = closure
        verifiedIdentifier = ObjectIdentifier(closure)
        verifiedFunction = closure.function
        intBody = nil
        doubleBody = nil
        boolBody = nil
        switch closure.function.scalarBody {
        case .int(let code)?: intBody = code
        case .double(let code)?: doubleBody = code
        case .bool(let code)?: boolBody = code
        case nil: break
        }
    }

    /// Ends a call: leaves the call depth and keeps the frame for the function's next call when nothing else holds it.
    @inline(__always)
    func leave(_ frame: inout Frame) {
        interpreter.callDepth -= 1
        let function = self.function
        if function.reusesFrames, function.spareFrames.count < ScalarCallSite.spareFrameLimit, isKnownUniquelyReferenced(&frame) {
            function.spareFrames.append(frame)
        }
    }

    /// The error when a function's statements returned a value of another type than its declared scalar result.
    func resultMismatch(_ result: Value) -> CellLanguageError {
        .typeMismatch("cannot convert return expression of type '\(result.typeName)' to return type '\(signature.result.typeName)'")
    }
}

extension Compiler {
    /// `fib(n - 1)` as a lane, when `name` is a cell function whose parameters and result are all `Int`, `Double`
    /// or `Bool` and every argument is a lane of its parameter's kind. `otherwise` is the boxed call, taken when the
    /// function called at run time is not the one the site was compiled for.
    func scalarCall(_ name: String, arguments: [PlainArgument], callee: @escaping Evaluation, otherwise: @escaping Evaluation,
                    node: Syntax) -> ScalarLane? {
        guard let signature = scalarSignature(ofFunctionNamed: name), signature.parameters.count == arguments.count else { return nil }
        var lanes: [ScalarLane] = []
        for (argument, kind) in zip(arguments, signature.parameters) {
            guard let lane = argument.lane?.adapted(to: kind, literal: argument.literal) else { return nil }
            lanes.append(lane)
        }
        let site = ScalarCallSite(signature: signature, labels: arguments.map(\.label), interpreter: interpreter)
        let bind = ScalarCallSite.binder(lanes)
        let interpreter = self.interpreter
        // Each kind runs the body's lane when it has one, otherwise its statements, the result unboxed.
        switch ScalarLane(unboxing: otherwise, as: signature.result, node: node) {
        case .int(let fallback):
            return .int { frame in
                do {
                    guard var calleeFrame = try site.enter(try callee(frame), from: frame, bind: bind) else { return try fallback(frame) }
                    defer { site.leave(&calleeFrame) }
                    if let body = site.intBody { return try body(calleeFrame) }
                    let result = try interpreter.runBody(of: site.function, in: calleeFrame)
                    guard case .int(let number) = result else { throw site.resultMismatch(result) }
                    return number
                } catch let error as CellLanguageError {
                    throw LocatedError(error: error, node: node)
                }
            }
        case .double(let fallback):
            return .double { frame in
                do {
                    guard var calleeFrame = try site.enter(try callee(frame), from: frame, bind: bind) else { return try fallback(frame) }
                    defer { site.leave(&calleeFrame) }
                    if let body = site.doubleBody { return try body(calleeFrame) }
                    let result = try interpreter.runBody(of: site.function, in: calleeFrame)
                    guard case .double(let number) = result else { throw site.resultMismatch(result) }
                    return number
                } catch let error as CellLanguageError {
                    throw LocatedError(error: error, node: node)
                }
            }
        case .bool(let fallback):
            return .bool { frame in
                do {
                    guard var calleeFrame = try site.enter(try callee(frame), from: frame, bind: bind) else { return try fallback(frame) }
                    defer { site.leave(&calleeFrame) }
                    if let body = site.boolBody { return try body(calleeFrame) }
                    let result = try interpreter.runBody(of: site.function, in: calleeFrame)
                    guard case .bool(let flag) = result else { throw site.resultMismatch(result) }
                    return flag
                } catch let error as CellLanguageError {
                    throw LocatedError(error: error, node: node)
                }
            }
        }
    }

    /// The scalar signature of the cell function `name` refers to here: one this cell declares (known before its
    /// body compiles, so recursion counts) or one an earlier cell installed.
    func scalarSignature(ofFunctionNamed name: String) -> ScalarSignature? {
        if let declared = declaredScalarSignatures[name] { return declared }
        guard case .variable(let variable)? = try? resolve(name, node: Syntax(DeclReferenceExprSyntax(baseName: .identifier(name)))),
              case .global(let global) = variable.storage, case .function(let value) = global.value,
              let closure = value as? CompiledClosure, closure.receiver == nil else { return nil }
        return closure.function.scalarSignature
    }

    /// The scalar signature a `func` declaration spells (nil for generic, throwing or other functions).
    func scalarSignature(of declaration: FunctionDeclSyntax) -> ScalarSignature? {
        guard declaration.genericParameterClause == nil, declaration.signature.effectSpecifiers?.throwsClause == nil,
              let resultSyntax = declaration.signature.returnClause?.type,
              let result = ScalarKind(try? TypeExpression(resultSyntax, resolver: self)) else { return nil }
        var parameters: [ScalarKind] = []
        for parameter in declaration.signature.parameterClause.parameters {
            guard parameter.defaultValue == nil, parameter.ellipsis == nil,
                  let kind = ScalarKind(try? TypeExpression(parameter.type, resolver: self)) else { return nil }
            parameters.append(kind)
        }
        return ScalarSignature(parameters: parameters, result: result)
    }
}
