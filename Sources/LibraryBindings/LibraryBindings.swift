import Autograd
import CellRuntime
import NeuralNetworks

/// The model library as cells see it: the bindings generated from its public declarations
/// (`Generated/`, made by `make generate`) and the few adapters where the kernel adds behaviour — live
/// training progress, interrupts, rich output (`LibraryHost`).
public enum LibraryBindings {
    /// The library side of a cell session.
    public static func makeHost() -> CellHost { LibraryHost() }

    /// Every type and free function of the library, as cells reach them.
    public static let table: BindingTable = {
        var table = generatedTable()
        table.add(parameterWrapperBinding, swiftType: Parameter<Tensor>.self)
        table.register(Parameter<Tensor?>.self, asTypeNamed: "Parameter")
        return table
    }()
}
