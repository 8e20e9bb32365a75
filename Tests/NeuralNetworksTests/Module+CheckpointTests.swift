import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct ModuleCheckpointTests {
    /// The checkpoint that `scripts/make_network_fixtures.py verify` expects.
    func exportModel() throws -> Sequential {
        Sequential(try Linear(weight: Tensor(shape: [2, 3], scalars: (0..<6).map { Float($0) / 4 }), bias: Tensor([-1, 0.5])))
    }

    @Test func roundTripsParametersAndMetadata() throws {
        let url = try temporaryFolder().appendingPathComponent("model.safetensors")
        let original = try smallNetwork(seed: 1)
        try original.save(to: url, metadata: ["epoch": "3"])
        let restored = try smallNetwork(seed: 2)
        #expect(restored.parameters() != original.parameters())
        #expect(try restored.load(from: url) == ["epoch": "3"])
        #expect(restored.parameters() == original.parameters())
    }

    @Test func readsAFileWrittenByPython() throws {
        let url = try #require(fixtureURL("python", extension: "safetensors"))
        let model = Sequential(try Linear(weight: Tensor(zeros: [2, 3]), bias: Tensor(zeros: [2])))
        #expect(try model.load(from: url) == ["format": "pt", "writer": "python"])
        #expect(model.parameters() == (try exportModel()).parameters())
        #expect(try model(Tensor(ones: [1, 3])) == Tensor(shape: [1, 2], scalars: [-0.25, 3.5]))
    }

    @Test func writesAFileForPythonToVerify() throws {
        // scripts/make_network_fixtures.py verify <path> checks this file with Python's safetensors.
        let path = ProcessInfo.processInfo.environment["SAFETENSORS_EXPORT_PATH"]
        let url = try path.map(URL.init(fileURLWithPath:)) ?? temporaryFolder().appendingPathComponent("swift.safetensors")
        try exportModel().save(to: url, metadata: ["format": "pt", "writer": "swift"])
        #expect(try SafeTensors.read(from: url).tensors == (try exportModel()).parameters())
    }

    @Test func namesTheTensorCutOffByATruncatedFile() throws {
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("cut.safetensors")
        try smallNetwork(seed: 3).save(to: url)
        let data = try Data(contentsOf: url)
        try data.prefix(data.count - 5).write(to: url)
        let available = data.count - 5 - 8 - Int(data[0]) - Int(data[1]) << 8
        #expect(throws: NeuralNetworksError.truncatedTensor(
            name: "layers.2.weight", path: url.path, neededBytes: available + 5, availableBytes: available)) {
            try smallNetwork(seed: 3).load(from: url)
        }
        try data.prefix(5).write(to: url)
        #expect(throws: NeuralNetworksError.malformedCheckpoint(
            path: url.path, reason: "it has 5 bytes, fewer than the 8-byte header length")) {
            try SafeTensors.read(from: url)
        }
        try data.prefix(40).write(to: url)
        #expect(throws: NeuralNetworksError.self) { try SafeTensors.read(from: url) }
    }

    @Test func namesTheTensorThatDoesNotFitTheModel() throws {
        let url = try temporaryFolder().appendingPathComponent("wide.safetensors")
        try smallNetwork(seed: 4, hidden: 5).save(to: url)
        let narrow = try smallNetwork(seed: 5)
        let before = narrow.parameters()
        #expect(throws: NeuralNetworksError.checkpointMismatch(
            path: url.path, name: "layers.0.bias", reason: "the file has shape [5], the model expects [4]")) {
            try narrow.load(from: url)
        }
        #expect(narrow.parameters() == before)
        try SafeTensors.write(["layers.0.weight": Tensor(zeros: [4, 3])], to: url)
        #expect(throws: NeuralNetworksError.checkpointMismatch(path: url.path, name: "layers.0.bias", reason: "missing from the file")) {
            try narrow.load(from: url)
        }
        var extra = before
        extra["layers.9.weight"] = Tensor([1])
        try SafeTensors.write(extra, to: url)
        #expect(throws: NeuralNetworksError.checkpointMismatch(
            path: url.path, name: "layers.9.weight", reason: "the model has no parameter of this name")) {
            try narrow.load(from: url)
        }
    }
}
