import Foundation
import Testing
@testable import Autograd

/// The pool behind `Parallel`: every index once, whoever runs it, in every way a loop can start.
@Suite struct WorkerPoolTests {
    /// Runs `iterations` calls and counts each index's calls.
    func countCalls(iterations: Int, threads: Int) -> [Int] {
        let lock = NSLock()
        var calls = [Int](repeating: 0, count: iterations)
        WorkerPool.shared.perform(iterations: iterations, threads: threads) { index in
            lock.lock()
            calls[index] += 1
            lock.unlock()
        }
        return calls
    }

    @Test(arguments: [0, 1, 2, 3, 7, 64]) func everyIndexRunsOnce(iterations: Int) {
        for threads in [1, 2, 4] {
            #expect(countCalls(iterations: iterations, threads: threads) == [Int](repeating: 1, count: iterations))
        }
    }

    @Test func oneThreadRunsEverythingOnTheCaller() {
        var order: [Int] = []
        WorkerPool.shared.perform(iterations: 5, threads: 1) { order.append($0) }
        #expect(order == [0, 1, 2, 3, 4])
    }

    /// A loop started from inside a chunk runs on that chunk's thread, in order, and still
    /// visits every index once.
    @Test func aNestedLoopRunsSerially() {
        let lock = NSLock()
        var inner = [[Int]](repeating: [], count: 4)
        WorkerPool.shared.perform(iterations: 4, threads: 2) { outer in
            var visited: [Int] = []
            WorkerPool.shared.perform(iterations: 6, threads: 2) { visited.append($0) }
            lock.lock()
            inner[outer] = visited
            lock.unlock()
        }
        #expect(inner == [[Int]](repeating: Array(0..<6), count: 4))
    }

    /// Loops started from several threads at once: one gets the workers, the others run alone.
    @Test func concurrentCallersEachSeeTheirOwnLoop() async {
        let results = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 {
                group.addTask { countCalls(iterations: 33, threads: 2) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == [Int](repeating: 1, count: 33) })
    }

    /// After the workers have gone to sleep, the next loop wakes them and completes; over many
    /// loops with slow chunks a worker takes part.
    @Test func sleepingWorkersWakeForTheNextLoop() throws {
        _ = countCalls(iterations: 2, threads: 2)
        Thread.sleep(forTimeInterval: Double(WorkerPool.spinDuration) / 1e9 * 5)
        #expect(countCalls(iterations: 16, threads: 2) == [Int](repeating: 1, count: 16))
        var threads: Set<UInt> = []
        for _ in 0..<50 where threads.count < 2 {
            let lock = NSLock()
            WorkerPool.shared.perform(iterations: 2, threads: 2) { _ in
                Thread.sleep(forTimeInterval: 0.002)
                lock.lock()
                threads.insert(UInt(pthread_self()))
                lock.unlock()
            }
        }
        #expect(threads.count == 2)
    }
}
