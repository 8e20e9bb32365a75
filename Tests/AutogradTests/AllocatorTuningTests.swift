import Foundation
import Testing
@testable import Autograd

@Suite struct AllocatorTuningTests {
    @Test func appliesUnlessTheEnvironmentDecides() {
        let environment = ProcessInfo.processInfo.environment
        let userChose = environment["MALLOC_MMAP_THRESHOLD_"] != nil || environment["MALLOC_TRIM_THRESHOLD_"] != nil
        #expect(AllocatorTuning.applied == !userChose)
    }
}
