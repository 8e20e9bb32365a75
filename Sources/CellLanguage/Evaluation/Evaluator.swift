import SwiftSyntax

/// How a statement ended: normally, or by transferring control to an enclosing loop or function.
enum Flow {
    case normal
    case breakLoop(label: String?)
    case continueLoop(label: String?)
    case returned(Value)
}

/// An argument at a call site: its label, value, and whether it was written as a trailing closure.
struct Argument {
    let label: String?
    var value: Value
    var isTrailingClosure = false
    /// The argument's expression, for diagnostics and Int-literal conversion.
    var syntax: ExprSyntax?
}

/// The tree-walking interpreter: evaluates SwiftSyntax trees against the session's scopes and the binding
/// table. One evaluator lives as long as its session; `output` is swapped in for each cell.
final class Evaluator {
    /// The deepest nesting of calls before a cell fails instead of overflowing the stack.
    var maximumCallDepth = 10_000

    let globals = Scope(parent: nil)
    let bindings: BindingTable
    let interruption: Interruption
    var output: CellOutput?
    /// Structs declared by cells, by name.
    var structures: [String: StructureDeclaration] = [:]
    var callDepth = 0
    /// Folded operator sequences, by node.
    var foldedSequences: [SyntaxIdentifier: FoldedExpression] = [:]
    /// The highest `$n` used in each shorthand closure, by node.
    var shorthandArities: [SyntaxIdentifier: Int] = [:]
    /// What calling each closure needs, read from its syntax once, by node.
    var closurePlans: [SyntaxIdentifier: ClosurePlan] = [:]

    init(bindings: BindingTable, interruption: Interruption) {
        self.bindings = bindings
        self.interruption = interruption
    }

    /// Forgets everything cells defined.
    func reset() {
        globals.removeAll()
        structures = [:]
        foldedSequences = [:]
        shorthandArities = [:]
        closurePlans = [:]
    }

    /// Runs a parsed cell and gives the value of its last item when that item is an expression with a value.
    func run(_ file: SourceFileSyntax) throws -> Value? {
        foldedSequences = [:]
        shorthandArities = [:]
        closurePlans = [:]
        var lastValue: Value?
        for item in file.statements {
            try checkInterruption(at: Syntax(item))
            lastValue = nil
            if let expression = Evaluator.valueExpression(of: item) {
                let value = try evaluate(expression, in: globals)
                if case .void = value { continue }
                lastValue = value
                continue
            }
            switch try execute(item, in: globals) {
            case .normal: continue
            case .returned:
                throw LocatedError(error: .typeMismatch("return invalid outside of a func"), node: Syntax(item))
            case .breakLoop, .continueLoop:
                throw LocatedError(error: .typeMismatch("'break' is only allowed inside a loop, if, do, or switch"),
                                   node: Syntax(item))
            }
        }
        return lastValue
    }

    /// The expression of an item that is a plain expression (not `if`, `switch` or an assignment).
    static func valueExpression(of item: CodeBlockItemSyntax) -> ExprSyntax? {
        var expression: ExprSyntax?
        switch item.item {
        case .expr(let found): expression = found
        case .stmt(let statement): expression = statement.as(ExpressionStmtSyntax.self)?.expression
        case .decl: return nil
        }
        guard let expression else { return nil }
        if expression.is(IfExprSyntax.self) || expression.is(SwitchExprSyntax.self) { return nil }
        return expression
    }

    /// Fails with `CancellationError` when the kernel asked to stop.
    func checkInterruption(at node: Syntax?) throws {
        if interruption.isRequested {
            throw LocatedError(error: .interrupted, node: node)
        }
    }

    /// Attaches `node` to errors thrown without a location.
    func located<T>(_ node: some SyntaxProtocol, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CellLanguageError {
            throw LocatedError(error: error, node: Syntax(node))
        }
    }
}
