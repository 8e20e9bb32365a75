@_spi(Compiler) import SwiftParser
import SwiftSyntax

extension Evaluator {
    /// A string literal, single- or multi-line, with escapes resolved and interpolations evaluated.
    func stringLiteral(_ literal: StringLiteralExprSyntax, in scope: Scope) throws -> Value {
        if let plain = literal.representedLiteralValue { return .string(plain) }
        guard let kind = literal.stringLiteralKind else {
            throw LocatedError(error: .unsupported("this string literal is not supported"), node: Syntax(literal))
        }
        var text = ""
        for segment in literal.segments {
            switch segment {
            case .stringSegment(let piece):
                piece.appendUnescapedLiteralValue(stringLiteralKind: kind, delimiterLength: literal.delimiterLength,
                                                  to: &text)
            case .expressionSegment(let interpolation):
                for element in interpolation.expressions {
                    text += try evaluate(element.expression, in: scope).description
                }
            }
        }
        return .string(text)
    }

    /// An array literal; Int elements become Double when the elements mix both or the annotation says so.
    func arrayLiteral(_ literal: ArrayExprSyntax, in scope: Scope, expecting annotation: TypeAnnotation?) throws -> Value {
        var elementAnnotation: TypeAnnotation?
        if case .array(let element) = annotation { elementAnnotation = element }
        var elements = try literal.elements.map { try evaluate($0.expression, in: scope, expecting: elementAnnotation) }
        let hasDouble = elements.contains { if case .double = $0 { return true } else { return false } }
        if hasDouble {
            elements = elements.map { if case .int(let number) = $0 { return .double(Double(number)) } else { return $0 } }
        }
        return .array(elements)
    }

    /// A dictionary literal (`[:]` when empty), in the order written.
    func dictionaryLiteral(_ literal: DictionaryExprSyntax, in scope: Scope,
                           expecting annotation: TypeAnnotation?) throws -> Value {
        var dictionary = ValueDictionary()
        guard case .elements(let elements) = literal.content else { return .dictionary(dictionary) }
        var valueAnnotation: TypeAnnotation?
        if case .dictionary(_, let value) = annotation { valueAnnotation = value }
        var pairs: [(DictionaryKey, Value)] = []
        for element in elements {
            let keyValue = try evaluate(element.key, in: scope)
            guard let key = DictionaryKey(keyValue) else {
                throw LocatedError(error: .typeMismatch("type '\(keyValue.typeName)' does not conform to protocol 'Hashable'"),
                                   node: Syntax(element.key))
            }
            pairs.append((key, try evaluate(element.value, in: scope, expecting: valueAnnotation)))
        }
        let hasDouble = pairs.contains { if case .double = $0.1 { return true } else { return false } }
        for (key, value) in pairs {
            if hasDouble, case .int(let number) = value {
                dictionary[key] = .double(Double(number))
            } else {
                dictionary[key] = value
            }
        }
        return .dictionary(dictionary)
    }
}
