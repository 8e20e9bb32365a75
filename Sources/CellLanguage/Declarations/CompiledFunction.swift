import CellRuntime
import SwiftSyntax

/// A parameter of a function, method, initialiser or closure declared in a cell.
struct CompiledParameter {
    /// The argument label; nil for `_` (closure parameters have none).
    let label: String?
    let name: String
    let type: TypeExpression?
    /// The default, evaluated in a frame of its own when the argument is left out.
    let defaultValue: CompiledDefault?
    let isVariadic: Bool
    let isInOut: Bool
    /// Where the parameter lives in the function's frame.
    let storage: Storage
    /// The annotation as written, for signatures.
    let typeText: String
    let defaultText: String?

    /// The parameter's shape for argument matching.
    var shape: ParameterShape {
        var acceptsClosure = type == nil
        if case .function? = type { acceptsClosure = true }
        if case .optional(.function)? = type { acceptsClosure = true }
        return ParameterShape(label: label, name: name, hasDefault: defaultValue != nil, isVariadic: isVariadic,
                              acceptsClosure: acceptsClosure)
    }
}

/// A default argument: its code and the frame layout it needs.
struct CompiledDefault {
    let evaluation: Evaluation
    let slotCount: Int
    let literal: LiteralKind
}

/// A function, method, initialiser, accessor or closure a cell declared, compiled once.
final class CompiledFunction {
    let name: String
    let parameters: [CompiledParameter]
    let returnType: TypeExpression?
    let isThrowing: Bool
    /// A mutating method of a value type (or an initialiser): `self` is written back.
    let isMutating: Bool
    let isStatic: Bool
    /// Where `self` lives, for methods, initialisers and accessors.
    let selfStorage: Storage?
    /// Set once the body is compiled (a function may call itself).
    var body: Execution = { _ in .normal }
    /// A single-expression body's value (its result without a `return`).
    var singleExpression: Evaluation?
    /// The literal kind of a single-expression body (`{ 0 }` may give a Double).
    var singleExpressionLiteral: LiteralKind = .none
    /// A single-expression body of the declared scalar result type, unboxed (see ``ScalarLane``).
    var scalarBody: ScalarLane?
    /// A closure without a signature may be called with more arguments than its `$n` use.
    var acceptsExtraArguments = false
    var slotCount = 0
    var boxCount = 0
    /// Where each captured variable comes from in the frame that creates the closure.
    var captureSources: [Storage] = []
    /// The declaration as Swift writes it, for completion and inspection.
    let signature: String
    /// The `///` comment.
    let documentation: String
    /// The declaration, for errors.
    let node: Syntax
    /// The shapes of the parameters, for argument matching.
    let shapes: [ParameterShape]
    /// Whether every parameter is a plain, required, unlabeled-or-labeled one (the fast call path).
    let isSimple: Bool
    /// What the fast call path reads of each parameter (a copy of a whole ``CompiledParameter`` costs a dozen
    /// reference-count operations per call).
    let bindingOrder: [(label: String?, type: TypeExpression?, storage: Storage)]
    /// The positions of the `inout` parameters, whose values are written back after a call.
    let inOutPositions: [Int]

    init(name: String, parameters: [CompiledParameter], returnType: TypeExpression?, isThrowing: Bool, isMutating: Bool,
         isStatic: Bool, selfStorage: Storage?, signature: String, documentation: String, node: Syntax) {
        self.name = name
        self.parameters = parameters
        self.returnType = returnType
        self.isThrowing = isThrowing
        self.isMutating = isMutating
        self.isStatic = isStatic
        self.selfStorage = selfStorage
        self.signature = signature
        self.documentation = documentation
        self.node = node
        shapes = parameters.map(\.shape)
        isSimple = parameters.allSatisfy { $0.defaultValue == nil && !$0.isVariadic && !$0.isInOut }
        bindingOrder = parameters.map { ($0.label, $0.type, $0.storage) }
        inOutPositions = parameters.indices.filter { parameters[$0].isInOut }
    }

    /// The function's parameter and result kinds when every one is `Int`, `Double` or `Bool` and a call binds each
    /// argument straight into a slot, parameter `i` into slot `i` (no labels to match, defaults, `inout`, `self`,
    /// `throws` or captured parameters); nil otherwise.
    private(set) lazy var scalarSignature: ScalarSignature? = {
        guard isSimple, !isThrowing, selfStorage == nil, let result = ScalarKind(returnType) else { return nil }
        var kinds: [ScalarKind] = []
        for (index, parameter) in parameters.enumerated() {
            guard let kind = ScalarKind(parameter.type), case .slot(index) = parameter.storage else { return nil }
            kinds.append(kind)
        }
        return ScalarSignature(parameters: kinds, result: result)
    }()

    /// Frames of finished calls, for the next calls (see ``reusesFrames``).
    var spareFrames: [Frame] = []

    /// Whether a finished call's frame can serve the next call as it is: its only slots are the parameters, all
    /// scalars, which the next call overwrites, and the body is a single expression (no other locals).
    private(set) lazy var reusesFrames: Bool = scalarSignature != nil && scalarBody != nil && boxCount == 0
        && slotCount == parameters.count

    /// The labels as a call writes them, `f(_:y:)`.
    var selector: String {
        name + "(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }

    /// The function type, e.g. `(Int, Double) -> Double`.
    var typeDescription: String {
        "(" + parameters.map { $0.type?.description ?? "Any" }.joined(separator: ", ") + ")" + (isThrowing ? " throws" : "")
            + " -> " + (returnType?.description ?? "()")
    }
}

/// What argument matching needs to know about a parameter, for cell functions and bindings alike.
struct ParameterShape {
    let label: String?
    let name: String
    let hasDefault: Bool
    let isVariadic: Bool
    /// Whether a trailing closure may fill this parameter.
    let acceptsClosure: Bool
}

extension ParameterBinding {
    /// The parameter's shape for argument matching.
    var shape: ParameterShape {
        ParameterShape(label: label, name: name, hasDefault: hasDefault, isVariadic: isVariadic,
                       acceptsClosure: type.acceptsClosure)
    }
}
