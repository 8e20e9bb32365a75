/// What argument matching needs to know about a parameter, for cell functions and bindings alike.
struct ParameterShape {
    let label: String?
    let name: String
    let hasDefault: Bool
    let isVariadic: Bool
    /// Whether a trailing closure may fill this parameter.
    let acceptsClosure: Bool
}

/// The argument (or arguments, or default) that fills one parameter.
enum MatchedArgument {
    case value(Argument)
    case variadic([Argument])
    case defaulted
}

extension Evaluator {
    /// Pairs call-site arguments with parameters the way Swift does: in order, by label, skipping defaulted
    /// parameters, gathering variadic ones; trailing closures fill the next closure parameter.
    func matchArguments(_ arguments: [Argument], to parameters: [ParameterShape]) throws -> [MatchedArgument] {
        var matched: [MatchedArgument] = []
        var index = 0
        for parameter in parameters {
            if parameter.isVariadic {
                var gathered: [Argument] = []
                while index < arguments.count, !arguments[index].isTrailingClosure,
                      gathered.isEmpty ? arguments[index].label == parameter.label : arguments[index].label == nil {
                    gathered.append(arguments[index])
                    index += 1
                }
                matched.append(.variadic(gathered))
                continue
            }
            if index < arguments.count {
                let argument = arguments[index]
                if argument.label == parameter.label || (argument.isTrailingClosure && parameter.acceptsClosure) {
                    matched.append(.value(argument))
                    index += 1
                    continue
                }
            }
            if parameter.hasDefault {
                matched.append(.defaulted)
                continue
            }
            guard index < arguments.count else {
                throw CellLanguageError.missingArgument(parameter: parameter.name)
            }
            let argument = arguments[index]
            if let label = argument.label {
                if parameter.label == nil { throw CellLanguageError.extraneousLabel(label) }
                throw CellLanguageError.incorrectLabel(have: "\(label):", expected: "\(parameter.label ?? "_"):")
            }
            throw CellLanguageError.typeMismatch("missing argument label '\(parameter.label ?? "_"):' in call")
        }
        if index < arguments.count {
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

extension ParameterBinding {
    /// The parameter's shape for argument matching.
    var shape: ParameterShape {
        var acceptsClosure = false
        if case .function = type { acceptsClosure = true }
        return ParameterShape(label: label, name: name, hasDefault: defaultValue != nil || isInOut,
                              isVariadic: isVariadic, acceptsClosure: acceptsClosure)
    }
}

extension UserParameter {
    /// The parameter's shape for argument matching.
    var shape: ParameterShape {
        ParameterShape(label: label, name: name, hasDefault: defaultValue != nil, isVariadic: isVariadic,
                       acceptsClosure: annotation?.description.contains("->") ?? false)
    }
}
