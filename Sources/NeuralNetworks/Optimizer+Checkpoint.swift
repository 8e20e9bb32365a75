import Foundation
import Autograd

/// Saving and restoring an optimizer's state (moments, accumulators, step counts) as a safetensors
/// file beside the model's, so an interrupted training run resumes exactly where it stopped.
///
/// Each buffer is stored as `<parameter>#<index>`; the metadata holds the optimizer's type, its
/// update count and each parameter's step count (`step.<parameter>`).
/// ```swift
/// try model.save(to: folder.appendingPathComponent("model.safetensors"))
/// try optimizer.save(to: folder.appendingPathComponent("optimizer.safetensors"))
/// // later, after building the same model and optimizer:
/// try model.load(from: folder.appendingPathComponent("model.safetensors"))
/// try optimizer.load(from: folder.appendingPathComponent("optimizer.safetensors"))
/// ```
extension Optimizer {
    /// Saves the state atomically to `url`.
    ///
    /// - Parameter url: The safetensors file to write.
    public func save(to url: URL) throws {
        var tensors: [String: Tensor] = [:]
        var metadata = ["optimizer": "\(type(of: self))", "updateCount": "\(updateCount)"]
        for (name, state) in slots {
            metadata["step.\(name)"] = "\(state.step)"
            for (index, buffer) in state.buffers.enumerated() { tensors["\(name)#\(index)"] = Tensor(buffer) }
        }
        try SafeTensors.write(tensors, to: url, metadata: metadata)
    }

    /// Replaces the state with the one saved at `url` by an optimizer of the same type.
    ///
    /// - Parameter url: A file written by `save(to:)` of an optimizer of the same type.
    public func load(from url: URL) throws {
        let contents = try SafeTensors.read(from: url)
        let path = url.path
        guard contents.metadata["optimizer"] == "\(type(of: self))" else {
            throw NeuralNetworksError.malformedCheckpoint(
                path: path, reason: "it holds the state of \(contents.metadata["optimizer"] ?? "no optimizer"), not \(type(of: self))")
        }
        guard let count = contents.metadata["updateCount"].flatMap(Int.init) else {
            throw NeuralNetworksError.malformedCheckpoint(path: path, reason: "the metadata lacks an integer updateCount")
        }
        var restored: [String: OptimizerSlots] = [:]
        for (key, value) in contents.metadata where key.hasPrefix("step.") {
            guard let step = Int(value) else {
                throw NeuralNetworksError.malformedCheckpoint(path: path, reason: "\(key) is '\(value)', not an integer")
            }
            var state = OptimizerSlots()
            state.step = step
            restored[String(key.dropFirst("step.".count))] = state
        }
        for (key, tensor) in contents.tensors {
            guard let separator = key.lastIndex(of: "#"), let index = Int(key[key.index(after: separator)...]),
                  restored[String(key[..<separator])] != nil else {
                throw NeuralNetworksError.malformedCheckpoint(path: path, reason: "tensor '\(key)' belongs to no parameter step")
            }
            let name = String(key[..<separator])
            while restored[name]!.buffers.count <= index { restored[name]!.buffers.append([]) }
            restored[name]!.buffers[index] = tensor.scalars
        }
        slots = restored
        updateCount = count
    }
}
