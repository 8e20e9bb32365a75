/// One recorded operation: the tensors it read and the rule that turns the gradient of its
/// result into gradients of those inputs. Immutable once made, so tensors can share it.
final class GradientNode: @unchecked Sendable {
    /// A short name of the operation, for debugging.
    let operation: String
    /// The operands, holding their own nodes; empty for a leaf (a tensor being differentiated).
    let inputs: [Tensor]
    /// Maps the gradient of the result to one gradient per input (`nil` where none flows).
    let backward: ((Tensor) throws -> [Tensor?])?

    init(operation: String, inputs: [Tensor], backward: ((Tensor) throws -> [Tensor?])?) {
        self.operation = operation
        self.inputs = inputs
        self.backward = backward
    }

    /// A leaf: a tensor with respect to which gradients are wanted.
    static func leaf() -> GradientNode {
        GradientNode(operation: "leaf", inputs: [], backward: nil)
    }
}

/// Whether operations record themselves for differentiation on this task or thread.
enum GradientRecording {
    /// Set by `withoutGradient` and while running backward rules.
    @TaskLocal static var isDisabled = false
}

extension Tensor {
    /// Attaches `backward` to `result` when recording is on and any input is tracked.
    /// Every primitive ends with this call; its backward rule sits right beside its forward code.
    static func recorded(
        _ result: Tensor, operation: String, inputs: [Tensor],
        backward: @escaping (Tensor) throws -> [Tensor?]
    ) -> Tensor {
        guard !GradientRecording.isDisabled, inputs.contains(where: { $0.node != nil }) else {
            return result
        }
        var tracked = result
        tracked.node = GradientNode(operation: operation, inputs: inputs, backward: backward)
        return tracked
    }
}

/// Runs `body` without recording operations for differentiation: evaluation inside a training
/// step, metrics, or updates that must not be differentiated.
///
/// - Parameter body: The work to run without recording.
public func withoutGradient<Result>(_ body: () throws -> Result) rethrows -> Result {
    try GradientRecording.$isDisabled.withValue(true) { try body() }
}
