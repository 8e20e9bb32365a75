import CellRuntime

/// The argument (or arguments, or default) that fills one parameter, by the arguments' positions.
enum MatchedArgument {
    case value(Int)
    case variadic([Int])
    case defaulted
}

extension Interpreter {
    /// Pairs call-site arguments with parameters the way Swift does: in order, by label, skipping defaulted
    /// parameters, gathering variadic ones; trailing closures fill the next closure parameter.
    func matchArguments(_ arguments: [Argument], to parameters: [ParameterShape], acceptsExtra: Bool = false) throws -> [MatchedArgument] {
        var matched: [MatchedArgument] = []
        matched.reserveCapacity(parameters.count)
        var index = 0
        for parameter in parameters {
            if parameter.isVariadic {
                var gathered: [Int] = []
                while index < arguments.count, !arguments[index].isTrailingClosure,
                      gathered.isEmpty ? arguments[index].label == parameter.label : arguments[index].label == nil {
                    gathered.append(index)
                    index += 1
                }
                matched.append(.variadic(gathered))
                continue
            }
            if index < arguments.count {
                let argument = arguments[index]
                if argument.label == parameter.label || (argument.isTrailingClosure && parameter.acceptsClosure && argument.label == nil) {
                    matched.append(.value(index))
                    index += 1
                    continue
                }
            }
            if parameter.hasDefault {
                matched.append(.defaulted)
                continue
            }
            guard index < arguments.count else { throw CellLanguageError.missingArgument(parameter: parameter.name) }
            let argument = arguments[index]
            if let label = argument.label {
                if parameter.label == nil { throw CellLanguageError.extraneousLabel(label) }
                throw CellLanguageError.incorrectLabel(have: "\(label):", expected: "\(parameter.label ?? "_"):")
            }
            throw CellLanguageError.typeMismatch("missing argument label '\(parameter.label ?? "_"):' in call")
        }
        if index < arguments.count, !acceptsExtra {
            let argument = arguments[index]
            if let label = argument.label, parameters.contains(where: { $0.label == label }) {
                throw CellLanguageError.typeMismatch("argument '\(label)' must precede the arguments before it")
            }
            if let label = argument.label, parameters.count == arguments.count {
                guard let expected = parameters[index].label else { throw CellLanguageError.extraneousLabel(label) }
                throw CellLanguageError.incorrectLabel(have: "\(label):", expected: "\(expected):")
            }
            throw CellLanguageError.extraArgument(label: argument.label)
        }
        return matched
    }
}
