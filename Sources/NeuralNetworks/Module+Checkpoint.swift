import Foundation
import Autograd

/// Saving and loading a module's parameters as a safetensors file, named by path
/// (`layers.0.weight`), so PyTorch can read them with `safetensors.torch.load_file`.
extension Module {
    /// Saves every parameter to `url` atomically: a save interrupted at any point leaves the
    /// previous file intact.
    ///
    /// - Parameters:
    ///   - url: The safetensors file to write.
    ///   - metadata: Strings stored in the file's `__metadata__`, e.g. `["epoch": "50"]`.
    ///
    /// ```swift
    /// try model.save(to: URL(fileURLWithPath: "multivae.safetensors"), metadata: ["epoch": "50"])
    /// ```
    public func save(to url: URL, metadata: [String: String] = [:]) throws {
        try SafeTensors.write(parameters(), to: url, metadata: metadata)
    }

    /// Loads every parameter from a safetensors file written for a module of the same structure
    /// and returns the file's metadata. The file must hold exactly the model's parameters with
    /// the same shapes; otherwise the error names the file and the tensor, and nothing changes.
    ///
    /// - Parameter url: A safetensors file written for a module of the same structure.
    @discardableResult
    public func load(from url: URL) throws -> [String: String] {
        let contents = try SafeTensors.read(from: url)
        let current = parameters()
        for name in contents.tensors.keys.sorted() where current[name] == nil {
            throw NeuralNetworksError.checkpointMismatch(
                path: url.path, name: name, reason: "the model has no parameter of this name")
        }
        for name in current.keys.sorted() {
            guard let stored = contents.tensors[name] else {
                throw NeuralNetworksError.checkpointMismatch(path: url.path, name: name, reason: "missing from the file")
            }
            guard stored.shape == current[name]!.shape else {
                throw NeuralNetworksError.checkpointMismatch(
                    path: url.path, name: name,
                    reason: "the file has shape \(stored.shape), the model expects \(current[name]!.shape)")
            }
        }
        try update(parameters: contents.tensors, requiringAll: true)
        return contents.metadata
    }
}
