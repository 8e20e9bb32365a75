import Autograd
import CellRuntime
import Models
import NeuralNetworks

/// An object of a cell class that inherits from `Module`: a real `Module` to the library. Its parameters and
/// sub-modules are the cell object's stored properties — layers, arrays and optionals of layers,
/// `@Parameter` tensors — found by the library's reflection through `customMirror`, so
/// `valueAndGradient(of:)`, every optimizer, `train()`/`eval()` and `save(to:)`/`load(from:)` work on it.
class CellModule: Module, CellInstance, CustomReflectable {
    let cellType: CellDeclaredType
    var fields: [Value]
    /// Runs the cell class's methods. Weak: the session owns the interpreter, and a model may outlive it.
    weak var callbacks: CellCallbacks?

    init(cellType: CellDeclaredType, fields: [Value], callbacks: CellCallbacks) {
        self.cellType = cellType
        self.fields = fields
        self.callbacks = callbacks
        super.init()
    }

    /// The stored properties that can hold parameters or modules, under the names Swift reflection gives them.
    var customMirror: Mirror {
        let children = zip(cellType.reflectedPropertyNames, fields).compactMap { name, field -> Mirror.Child? in
            CellModule.mayHoldMembers(field) ? (label: name, value: Bridge.anyValue(field)) : nil
        }
        return Mirror(self, children: children, displayStyle: .class, ancestorRepresentation: .suppressed)
    }

    /// The cell class's name, in summaries and progress bars.
    override var typeName: String { cellType.name }

    /// Calls the cell class's method `name` with `arguments` (labels as the method declares them).
    func callMethod(_ name: String, _ arguments: [Argument]) throws -> Value {
        guard let callbacks else {
            throw CellLanguageError.runtimeFault("the session that declared '\(cellType.name)' has ended")
        }
        guard let result = try callbacks.callMethod(name, of: self, arguments: arguments) else {
            throw CellLanguageError.noMember(typeName: cellType.name, member: name)
        }
        return result
    }

    /// A method's result as a tensor.
    func tensor(_ result: Value, from method: String) throws -> Tensor {
        guard let tensor = try? Bridge.swiftValue(result, as: .named("Tensor")) as? Tensor else {
            throw CellLanguageError.typeMismatch(
                "cannot convert return expression of type '\(result.typeName)' to return type 'Tensor' in '\(cellType.name).\(method)'")
        }
        return tensor
    }

    /// `callAsFunction(_:)` of a `UnaryLayer`.
    func cellCallAsFunction(_ input: Tensor) throws -> Tensor {
        try tensor(callMethod("callAsFunction", [Argument(label: nil, value: Bridge.value(input, as: .named("Tensor")))]),
                   from: "callAsFunction")
    }

    /// `trainingLoss(batch:)` of a `TrainableModel`.
    func cellTrainingLoss(batch: [Int]) throws -> Tensor {
        try tensor(callMethod("trainingLoss", [Argument(label: "batch", value: .array(batch.map(Value.int)))]), from: "trainingLoss")
    }

    /// `validationMetrics(epoch:)` of a `TrainableModel`: the cell's, or none when it declares none.
    func cellValidationMetrics(epoch: Int) throws -> [String: Double] {
        guard cellType.declaresMethod("validationMetrics") else { return [:] }
        let result = try callMethod("validationMetrics", [Argument(label: "epoch", value: .int(epoch))])
        guard let metrics = try? Bridge.swiftValue(result, as: .dictionary(.string, .double)) as? [String: Double] else {
            throw CellLanguageError.typeMismatch(
                "cannot convert return expression of type '\(result.typeName)' to return type '[String: Double]' in '\(cellType.name).validationMetrics'")
        }
        return metrics
    }

    /// Whether a field may hold a module or a parameter box (objects, and containers that may hold them);
    /// plain values — a `[Float]` of losses — are left out of the mirror rather than converted on every step.
    private static func mayHoldMembers(_ value: Value) -> Bool {
        switch value {
        case .object: return true
        case .optional(let wrapped?): return mayHoldMembers(wrapped)
        case .array(let elements): return elements.first.map(mayHoldMembers) ?? false
        case .dictionary(let dictionary): return dictionary.entries.first.map { mayHoldMembers($0.value) } ?? false
        default: return false
        }
    }
}

/// A cell `Module` subclass that adopts `UnaryLayer`: its `callAsFunction(_:)` is the cell's, so it can sit in
/// a `Sequential` and anywhere the library takes a layer.
final class CellUnaryLayer: CellModule, UnaryLayer {
    func callAsFunction(_ input: Tensor) throws -> Tensor { try cellCallAsFunction(input) }
}

/// A cell `Module` subclass that adopts `TrainableModel`: the library's `fit(examples:...)` trains it on the
/// cell's `trainingLoss(batch:)`.
final class CellTrainableModel: CellModule, TrainableModel {
    func trainingLoss(batch: [Int]) throws -> Tensor { try cellTrainingLoss(batch: batch) }
    func validationMetrics(epoch: Int) throws -> [String: Double] { try cellValidationMetrics(epoch: epoch) }
}

/// A cell `Module` subclass that adopts both `UnaryLayer` and `TrainableModel`.
final class CellTrainableUnaryLayer: CellModule, UnaryLayer, TrainableModel {
    func callAsFunction(_ input: Tensor) throws -> Tensor { try cellCallAsFunction(input) }
    func trainingLoss(batch: [Int]) throws -> Tensor { try cellTrainingLoss(batch: batch) }
    func validationMetrics(epoch: Int) throws -> [String: Double] { try cellValidationMetrics(epoch: epoch) }
}
