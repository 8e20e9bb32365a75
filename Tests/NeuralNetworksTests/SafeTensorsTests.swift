import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct SafeTensorsTests {
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

    @Test func readsDoublesScalarsAndHigherRanksWrittenByPython() throws {
        let contents = try SafeTensors.read(from: try #require(fixtureURL("python_mixed", extension: "safetensors")))
        #expect(contents.metadata == ["note": "mixed dtypes"])
        #expect(contents.tensors["scale"] == Tensor([0.25, -2, 1e-3]))
        #expect(contents.tensors["temperature"] == Tensor(1.5))
        let table = try #require(contents.tensors["table"])
        #expect(table.shape == [3, 2, 2] && table.scalars.first == -1 && table.scalars.last == 1)
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

    @Test func readsBrainFloatsAndDoubles() throws {
        let header = Data(#"{"h":{"dtype":"BF16","shape":[2],"data_offsets":[0,4]},"d":{"dtype":"F64","shape":[1],"data_offsets":[4,12]}}"#.utf8)
        var data = Data()
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(header)
        data.append(contentsOf: [0x80, 0x3F, 0x00, 0xC0])                 // bfloat16 1.0 and −2.0
        withUnsafeBytes(of: Double(0.375).bitPattern.littleEndian) { data.append(contentsOf: $0) }
        let contents = try SafeTensors.decode(data)
        #expect(contents.tensors["h"] == Tensor([1, -2]) && contents.tensors["d"] == Tensor([0.375]))
        #expect(contents.metadata.isEmpty)
    }

    @Test func rejectsAHeaderLongerThanTheFile() {
        var data = Data()
        withUnsafeBytes(of: UInt64(100).littleEndian) { data.append(contentsOf: $0) }
        data.append(Data("{}".utf8))
        #expect(throws: NeuralNetworksError.malformedCheckpoint(
            path: "<data>", reason: "the header claims 100 bytes but only 2 follow the length")) {
            try SafeTensors.decode(data)
        }
    }
}
