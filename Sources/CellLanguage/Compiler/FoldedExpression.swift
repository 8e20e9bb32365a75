import SwiftSyntax

/// An operator sequence (`a + b * c = d`) folded by Swift's precedence groups into a tree. SwiftParser leaves
/// sequences flat; the standard operators' precedences live here.
indirect enum FoldedExpression {
    case leaf(ExprSyntax)
    case binary(operator: String, node: Syntax, left: FoldedExpression, right: FoldedExpression)
    case ternary(condition: FoldedExpression, then: ExprSyntax, otherwise: FoldedExpression, node: Syntax)
    case cast(FoldedExpression, operator: String, type: TypeSyntax, node: Syntax)

    /// A precedence group: its strength and whether it groups to the right.
    struct Precedence {
        let level: Int
        let isRightAssociative: Bool
    }

    /// The precedence of a binary operator, following the standard library's groups.
    static func precedence(of name: String) -> Precedence {
        switch name {
        case "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=": return Precedence(level: 10, isRightAssociative: true)
        case "?:": return Precedence(level: 20, isRightAssociative: true)
        case "||": return Precedence(level: 40, isRightAssociative: false)
        case "&&": return Precedence(level: 50, isRightAssociative: false)
        case "==", "!=", "<", "<=", ">", ">=", "===", "!==", "~=": return Precedence(level: 60, isRightAssociative: false)
        case "??": return Precedence(level: 70, isRightAssociative: true)
        case "as", "as?", "as!", "is": return Precedence(level: 80, isRightAssociative: false)
        case "..<", "...": return Precedence(level: 90, isRightAssociative: false)
        case "+", "-", "&+", "&-", "|", "^": return Precedence(level: 100, isRightAssociative: false)
        case "*", "/", "%", "&*", "&": return Precedence(level: 110, isRightAssociative: false)
        case "<<", ">>": return Precedence(level: 120, isRightAssociative: false)
        default: return Precedence(level: 100, isRightAssociative: false)
        }
    }

    /// An operator between two operands of the flat sequence.
    private struct Operator {
        let name: String
        let node: ExprSyntax
        var precedence: Precedence { FoldedExpression.precedence(of: name) }
    }

    /// Folds a flat sequence into a tree; `firstOperand` replaces the first operand (the operand of a leading
    /// `try`, which covers the whole sequence).
    init(_ sequence: SequenceExprSyntax, firstOperand: ExprSyntax? = nil) {
        var operands: [ExprSyntax] = []
        var operators: [Operator] = []
        for (index, element) in sequence.elements.enumerated() {
            if index % 2 == 0 {
                operands.append(index == 0 ? firstOperand ?? element : element)
                continue
            }
            if let binary = element.as(BinaryOperatorExprSyntax.self) {
                operators.append(Operator(name: binary.operator.text, node: element))
            } else if element.is(AssignmentExprSyntax.self) {
                operators.append(Operator(name: "=", node: element))
            } else if element.is(UnresolvedTernaryExprSyntax.self) {
                operators.append(Operator(name: "?:", node: element))
            } else if let cast = element.as(UnresolvedAsExprSyntax.self) {
                operators.append(Operator(name: "as" + (cast.questionOrExclamationMark?.text ?? ""), node: element))
            } else if element.is(UnresolvedIsExprSyntax.self) {
                operators.append(Operator(name: "is", node: element))
            } else {
                operators.append(Operator(name: element.trimmedDescription, node: element))
            }
        }
        var position = 0
        func climb(_ left: FoldedExpression, minimum: Int) -> FoldedExpression {
            var left = left
            while position < operators.count, operators[position].precedence.level >= minimum {
                let current = operators[position]
                position += 1
                var right = FoldedExpression.leaf(operands[position])
                while position < operators.count {
                    let next = operators[position].precedence
                    if next.level > current.precedence.level {
                        right = climb(right, minimum: current.precedence.level + 1)
                    } else if next.isRightAssociative, next.level == current.precedence.level {
                        right = climb(right, minimum: current.precedence.level)
                    } else {
                        break
                    }
                }
                left = FoldedExpression.combine(current.name, current.node, left, right)
            }
            return left
        }
        self = climb(.leaf(operands[0]), minimum: 0)
    }

    private static func combine(_ name: String, _ node: ExprSyntax, _ left: FoldedExpression,
                                _ right: FoldedExpression) -> FoldedExpression {
        if name == "?:", let ternary = node.as(UnresolvedTernaryExprSyntax.self) {
            return .ternary(condition: left, then: ternary.thenExpression, otherwise: right, node: Syntax(node))
        }
        if ["as", "as?", "as!", "is"].contains(name), case .leaf(let typeExpression) = right,
           let type = typeExpression.as(TypeExprSyntax.self)?.type {
            return .cast(left, operator: name, type: type, node: Syntax(node))
        }
        return .binary(operator: name, node: Syntax(node), left: left, right: right)
    }

    /// Whether the expression is made of integer literals only (so it may become a Double, as in Swift).
    var isIntegerLiteral: Bool {
        switch self {
        case .leaf(let expression): return FoldedExpression.isIntegerLiteral(expression)
        case .binary(let name, _, let left, let right):
            return ["+", "-", "*", "/"].contains(name) && left.isIntegerLiteral && right.isIntegerLiteral
        default: return false
        }
    }

    /// Whether `expression` is an integer literal, possibly negated or parenthesised.
    static func isIntegerLiteral(_ expression: ExprSyntax) -> Bool {
        if expression.is(IntegerLiteralExprSyntax.self) { return true }
        if let prefix = expression.as(PrefixOperatorExprSyntax.self) { return isIntegerLiteral(prefix.expression) }
        if let tuple = expression.as(TupleExprSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first {
            return isIntegerLiteral(only.expression)
        }
        if let sequence = expression.as(SequenceExprSyntax.self) { return FoldedExpression(sequence).isIntegerLiteral }
        return false
    }

    /// The first syntax node of the expression, for diagnostics.
    var node: Syntax {
        switch self {
        case .leaf(let expression): return Syntax(expression)
        case .binary(_, _, let left, _), .ternary(let left, _, _, _), .cast(let left, _, _, _): return left.node
        }
    }
}
