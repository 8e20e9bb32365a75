import Autograd
import CellRuntime
import NeuralNetworks

extension LibraryBindings {
    /// `@Parameter` for the stored tensors of cell `Module` subclasses. The wrapper is generic
    /// (`Parameter<Tensor>`, `Parameter<Tensor?>`), which the generator does not bind, so this one binding is
    /// written by hand: the initialiser picks the specialisation from the value, `wrappedValue` reads and writes it.
    static var parameterWrapperBinding: TypeBinding {
        TypeBinding(
            "Parameter",
            module: "NeuralNetworks",
            kind: .classType,
            documentation: BindingDocumentation(
                "Marks a stored tensor of a `Module` as a trainable parameter, found by reflection: `@Parameter var scale: Tensor`."),
            matches: { $0 is Parameter<Tensor> || $0 is Parameter<Tensor?> },
            [
                FunctionBinding("init", .initializer, parameters: [
                    ParameterBinding("wrappedValue", "wrappedValue", .named("Tensor"), documentation: "The parameter's initial value."),
                ], returns: .named("Parameter"), documentation: BindingDocumentation("Wraps an initial tensor.")) { invocation in
                    let tensor: Tensor = try invocation.argument(0)
                    return .object(Parameter(wrappedValue: tensor))
                },
                FunctionBinding("init", .initializer, parameters: [
                    ParameterBinding("wrappedValue", "wrappedValue", .optional(.named("Tensor")), documentation: "The parameter's initial value."),
                ], returns: .named("Parameter"), documentation: BindingDocumentation("Wraps an initial tensor that may be absent.")) { invocation in
                    let tensor: Tensor? = try invocation.argument(0)
                    return .object(Parameter(wrappedValue: tensor))
                },
                FunctionBinding("wrappedValue", .property, returns: .named("Tensor"),
                    documentation: BindingDocumentation("The current value."),
                    setter: { invocation in
                        switch try invocation.receiver() as AnyObject {
                        case let parameter as Parameter<Tensor>:
                            parameter.wrappedValue = try invocation.argument(0)
                        case let parameter as Parameter<Tensor?>:
                            parameter.wrappedValue = try invocation.argument(0) as Tensor
                        default:
                            throw CellLanguageError.typeMismatch("'wrappedValue' needs a Parameter")
                        }
                    }) { invocation in
                    switch try invocation.receiver() as AnyObject {
                    case let parameter as Parameter<Tensor>: return invocation.result(parameter.wrappedValue)
                    case let parameter as Parameter<Tensor?>: return invocation.result(parameter.wrappedValue, as: .optional(.named("Tensor")))
                    default: throw CellLanguageError.typeMismatch("'wrappedValue' needs a Parameter")
                    }
                },
            ])
    }
}
