import Foundation
import Synchronization

/// The threads behind `Parallel`: one per extra core, started at first use, each spinning for a
/// short while after a parallel loop before it sleeps.
///
/// A training step runs dozens of parallel loops a few microseconds to a millisecond apart.
/// `DispatchQueue.concurrentPerform` put its workers to sleep between them, and waking one cost a
/// context switch per loop (about 20 a step, and as much time as a small loop's work), so two
/// threads barely beat one. Here a worker that has just finished watches for the next loop for
/// `spinDuration` before it blocks on a condition; the calling thread takes chunks too, and waits
/// for the last one by spinning.
///
/// One loop runs at a time: a loop started while another runs (from a chunk, or from another
/// thread) runs its chunks on its own thread, one after another. Chunks are claimed through an
/// atomic counter, so which thread runs a chunk varies, but what each chunk computes does not.
final class WorkerPool: @unchecked Sendable {
    /// The pool `Parallel` uses.
    static let shared = WorkerPool()

    /// How long an idle worker keeps watching for the next loop before it sleeps.
    static let spinDuration: UInt64 = 2_000_000   // 2 ms, in nanoseconds

    /// One parallel loop: its chunks, the next one to claim and how many have not finished.
    ///
    /// It points at the caller's closure rather than holding it: a worker may keep the loop a
    /// moment after the caller returned, but it only calls the body for a chunk it claimed, and
    /// the caller returns only once every chunk has finished.
    private final class Loop: @unchecked Sendable {
        let body: UnsafePointer<(Int) -> Void>
        let count: Int
        let next = Atomic<Int>(0)
        let unfinished: Atomic<Int>

        init(body: UnsafePointer<(Int) -> Void>, count: Int) {
            self.body = body
            self.count = count
            unfinished = Atomic(count)
        }

        /// Runs chunks until none is left to claim.
        func runChunks() {
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                body.pointee(index)
                unfinished.wrappingSubtract(1, ordering: .releasing)
            }
        }
    }

    /// Incremented for every loop; workers watch it.
    private let generation = Atomic<Int>(0)
    /// Set while a loop runs.
    private let busy = Atomic<Bool>(false)
    /// Guards `current`, `workerCount` and sleeping.
    private let condition = NSCondition()
    private var current: Loop?
    private var workerCount = 0

    /// Calls `body(i)` for every `i` in `0..<iterations`, on up to `threads` threads (this one
    /// included), and returns when every call has returned.
    func perform(iterations: Int, threads: Int, _ body: (Int) -> Void) {
        guard iterations > 1, threads > 1, busy.compareExchange(
            expected: false, desired: true, ordering: .acquiring).exchanged else {
            for index in 0..<iterations { body(index) }
            return
        }
        defer { busy.store(false, ordering: .releasing) }
        withoutActuallyEscaping(body) { body in
            var body = body
            withUnsafePointer(to: &body) { run(Loop(body: $0, count: iterations), threads: threads) }
        }
    }

    /// Publishes `loop` to the workers, takes chunks of it too, and waits for the last one.
    private func run(_ loop: Loop, threads: Int) {
        condition.lock()
        while workerCount < threads - 1 { startWorker() }
        current = loop
        generation.wrappingAdd(1, ordering: .releasing)
        condition.broadcast()
        condition.unlock()
        loop.runChunks()
        var spins = 0
        while loop.unfinished.load(ordering: .acquiring) > 0 {
            spins += 1
            if spins > 10_000 { sched_yield() }   // the worker lost its core: let it have this one
        }
        condition.lock()
        current = nil
        condition.unlock()
    }

    /// Starts one more worker; called with `condition` locked.
    private func startWorker() {
        workerCount += 1
        let name = "worker \(workerCount)"   // thread names on Linux are at most 15 bytes
        Thread { [unowned self] in
            Thread.current.name = name
            self.work()
        }.start()
    }

    /// A worker's life: wait for a new loop (spinning, then sleeping), help with it, repeat.
    private func work() {
        var seen = generation.load(ordering: .acquiring)
        while true {
            let spinUntil = DispatchTime.now().uptimeNanoseconds + Self.spinDuration
            var spins = 0
            while generation.load(ordering: .acquiring) == seen {
                spins += 1
                if spins & 255 == 0 && DispatchTime.now().uptimeNanoseconds > spinUntil { break }
            }
            condition.lock()
            while generation.load(ordering: .acquiring) == seen { condition.wait() }
            seen = generation.load(ordering: .acquiring)
            let loop = current
            condition.unlock()
            loop?.runChunks()
        }
    }
}
