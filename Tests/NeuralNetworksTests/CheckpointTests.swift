import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct CheckpointTests {
    /// A fresh empty folder for one test.
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nn-checkpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func model(seed: UInt64, hidden: Int = 4) -> Sequential {
        var generator = RandomGenerator(seed: seed)
        return Sequential(Linear(3, hidden, generator: &generator), Tanh(), Linear(hidden, 2, generator: &generator))
    }

    /// The checkpoint that `scripts/make_network_fixtures.py verify` expects.
    func exportModel() throws -> Sequential {
        Sequential(try Linear(weight: Tensor(shape: [2, 3], scalars: (0..<6).map { Float($0) / 4 }), bias: Tensor([-1, 0.5])))
    }

    @Test func roundTripsParametersAndMetadata() throws {
        let url = try temporaryFolder().appendingPathComponent("model.safetensors")
        let original = model(seed: 1)
        try original.save(to: url, metadata: ["epoch": "3"])
        let restored = model(seed: 2)
        #expect(restored.parameters() != original.parameters())
        #expect(try restored.load(from: url) == ["epoch": "3"])
        #expect(restored.parameters() == original.parameters())
    }

    @Test func writesTheSafetensorsLayout() throws {
        let data = try SafeTensors.encode(["b": Tensor([1, 2]), "a": Tensor(3)], metadata: ["format": "pt"])
        let headerLength = Int(data.prefix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        #expect(headerLength % 8 == 0 && data.count == 8 + headerLength + 12)
        let header = try #require(JSONSerialization.jsonObject(with: data.subdata(in: 8..<(8 + headerLength))) as? [String: Any])
        #expect(header["__metadata__"] as? [String: String] == ["format": "pt"])
        let a = try #require(header["a"] as? [String: Any]), b = try #require(header["b"] as? [String: Any])
        #expect(a["dtype"] as? String == "F32" && a["shape"] as? [Int] == [] && a["data_offsets"] as? [Int] == [0, 4])
        #expect(b["shape"] as? [Int] == [2] && b["data_offsets"] as? [Int] == [4, 12])
        #expect(Array(data.suffix(12)) == [0, 0, 0x40, 0x40, 0, 0, 0x80, 0x3F, 0, 0, 0, 0x40])
        #expect(try SafeTensors.encode(["b": Tensor([1, 2]), "a": Tensor(3)], metadata: ["format": "pt"]) == data)
    }

    @Test func readsAFileWrittenByPython() throws {
        let url = try #require(fixtureURL("python", extension: "safetensors"))
        let model = Sequential(try Linear(weight: Tensor(zeros: [2, 3]), bias: Tensor(zeros: [2])))
        #expect(try model.load(from: url) == ["format": "pt", "writer": "python"])
        #expect(model.parameters() == (try exportModel()).parameters())
        #expect(try model(Tensor(ones: [1, 3])) == Tensor(shape: [1, 2], scalars: [-0.25, 3.5]))
    }

    @Test func readsDoublesScalarsAndHigherRanksWrittenByPython() throws {
        let contents = try SafeTensors.read(from: try #require(fixtureURL("python_mixed", extension: "safetensors")))
        #expect(contents.metadata == ["note": "mixed dtypes"])
        #expect(contents.tensors["scale"] == Tensor([0.25, -2, 1e-3]))
        #expect(contents.tensors["temperature"] == Tensor(1.5))
        let table = try #require(contents.tensors["table"])
        #expect(table.shape == [3, 2, 2] && table.scalars.first == -1 && table.scalars.last == 1)
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
        try model(seed: 3).save(to: url)
        let data = try Data(contentsOf: url)
        try data.prefix(data.count - 5).write(to: url)
        let available = data.count - 5 - 8 - Int(data[0]) - Int(data[1]) << 8
        #expect(throws: NeuralNetworksError.truncatedTensor(
            name: "layers.2.weight", path: url.path, neededBytes: available + 5, availableBytes: available)) {
            try model(seed: 3).load(from: url)
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
        try model(seed: 4, hidden: 5).save(to: url)
        let narrow = model(seed: 5)
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

    @Test func rejectsUnsupportedDataTypes() throws {
        let header = Data(#"{"ids":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}}"#.utf8)
        var data = Data()
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(header)
        data.append(Data(count: 8))
        #expect(throws: NeuralNetworksError.unsupportedDataType(name: "ids", dataType: "I64")) {
            try SafeTensors.decode(data)
        }
    }

    @Test func anInterruptedSaveLeavesTheOldFileIntact() throws {
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("model.safetensors")
        try model(seed: 6).save(to: url)
        let old = try Data(contentsOf: url)
        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(SafeTensors.encode(model(seed: 7).parameters()), to: url) { throw Interrupted() }
        }
        #expect(try Data(contentsOf: url) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.safetensors"])
        try model(seed: 7).save(to: url)
        #expect(try Data(contentsOf: url) != old)
        #expect(throws: NeuralNetworksError.self) {
            try model(seed: 7).save(to: folder.appendingPathComponent("missing-folder/model.safetensors"))
        }
    }
}
