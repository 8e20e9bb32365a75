import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct AtomicFileTests {
    @Test func anInterruptedSaveLeavesTheOldFileIntact() throws {
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("model.safetensors")
        try smallNetwork(seed: 6).save(to: url)
        let old = try Data(contentsOf: url)
        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(SafeTensors.encode(smallNetwork(seed: 7).parameters()), to: url) { throw Interrupted() }
        }
        #expect(try Data(contentsOf: url) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.safetensors"])
        try smallNetwork(seed: 7).save(to: url)
        #expect(try Data(contentsOf: url) != old)
        #expect(throws: NeuralNetworksError.self) {
            try smallNetwork(seed: 7).save(to: folder.appendingPathComponent("missing-folder/model.safetensors"))
        }
    }
}
