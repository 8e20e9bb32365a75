// Engine benchmarks, printed as one line each (seconds, GFLOP/s); ./run.sh compares with PyTorch.
// 1. sgemm 100×1450 · 1450×600 (Multi-VAE's dominant product) through Tensor.matmul and raw cblas_sgemm.
// 3. A convolutional VQ-VAE epoch (4,500 synthetic 28×28 images, batch 64; conv 32 s2, 64 s2, 1×1 to
//    16; K = 64 codebook with straight-through; mirrored transposed-conv decoder; MSE + commitment).
// 2. A Multi-VAE epoch on ML-100K's shape (750 users × 1450 items, 600-200-600, batch 100) with a
//    synthetic 5%-dense click matrix, dense and with a sparse first layer; forward, backward, SGD step.
import Autograd
import COpenBLAS
import Foundation

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

func report(_ name: String, _ time: (wall: Double, cpu: Double)) {
    print(String(format: "%@: %.4f s wall, %.4f s CPU", name, time.wall, time.cpu))
}

func gemmReport() throws {
    let (m, k, n) = (100, 1450, 600)
    var generator = RandomGenerator(seed: 1)
    let a = generator.normal([m, k]), b = generator.normal([k, n])
    let flops = 2.0 * Double(m * k * n)
    let api = try best(50) { _ = try a.matmul(b) }.wall
    var raw = [Float](repeating: 0, count: m * n)
    let direct = best(50) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1,
                    a.scalars, Int32(k), b.scalars, Int32(n), 0, &raw, Int32(n))
    }.wall
    print(String(format: "sgemm 100x1450x600: Tensor.matmul %.1f GFLOP/s, raw cblas_sgemm %.1f GFLOP/s",
                 flops / api / 1e9, flops / direct / 1e9))
}

/// Multi-VAE (Liang et al. 2018) forward pass and loss for one batch; `first` computes x·W1.
func multiVAELoss(_ p: [Tensor], input: Tensor, noise: Tensor, first: (Tensor) throws -> Tensor) throws -> Tensor {
    let hidden = try (first(p[0]) + p[1]).tanh()
    let statistics = try hidden.matmul(p[2]) + p[3]
    let mean = try statistics.sliced(alongAxis: 1, range: 0..<200)
    let logVariance = try statistics.sliced(alongAxis: 1, range: 200..<400)
    let z = try mean + noise * (logVariance * 0.5).exp()
    let decoded = try (z.matmul(p[4]) + p[5]).tanh()
    let logits = try decoded.matmul(p[6]) + p[7]
    let likelihood = try (logits.logSoftmax(alongAxis: 1) * input).sum(alongAxis: 1).mean()
    let kl = try ((1 + logVariance - mean.squared() - logVariance.exp()).sum(alongAxis: 1).mean()) * -0.5
    return try kl * 0.2 - likelihood
}

func multiVAEEpoch(sparse: Bool) throws -> (wall: Double, cpu: Double) {
    let (users, items, batch) = (750, 1450, 100)
    var generator = RandomGenerator(seed: 7)
    let clicks = generator.bernoulli([users, items], probability: 0.05)
    let shapes = [[items, 600], [600], [600, 400], [400], [200, 600], [600], [600, items], [items]]
    var parameters = shapes.map { generator.normal($0, standardDeviation: 0.01) }
    let batches = try stride(from: 0, to: users, by: batch).map { start in
        try clicks.sliced(alongAxis: 0, range: start..<min(start + batch, users))
    }
    let sparseBatches = try batches.map { try SparseMatrix(dense: $0) }
    return try best(3) {
        for (index, input) in batches.enumerated() {
            let noise = generator.normal([input.shape[0], 200])
            let (_, gradients) = try valueAndGradient(at: parameters) { p in
                try multiVAELoss(p, input: input, noise: noise) { w in
                    sparse ? try sparseBatches[index].matmul(w) : try input.matmul(w)
                }
            }
            for i in parameters.indices {
                gradients[i].scalars.withUnsafeBufferPointer { gradient in
                    parameters[i].updateScalars { values in
                        values.withUnsafeMutableBufferPointer { v in
                            for j in 0..<v.count { v[j] -= 1e-3 * gradient[j] }
                        }
                    }
                }
            }
        }
    }
}

/// One VQ-VAE loss: encoder, nearest-codebook quantisation with the straight-through estimator, decoder.
func vqVAELoss(_ p: [Tensor], images: Tensor) throws -> Tensor {
    let h1 = try (images.convolution2D(filters: p[0], stride: 2, padding: 1) + p[1]).relu()
    let h2 = try (h1.convolution2D(filters: p[2], stride: 2, padding: 1) + p[3]).relu()
    let encoded = try h2.convolution2D(filters: p[4]) + p[5]                       // [N, 16, 7, 7]
    let flat = try encoded.transposed(permutation: [0, 2, 3, 1]).reshaped(to: [-1, 16])
    let nearest = try Tensor.pairwiseSquaredDistances(flat.detached(), p[6]).argmin(alongAxis: 1)
    let quantized = try p[6].embedding(indices: nearest)
    let codebookLoss = try (quantized - flat.detached()).squared().mean()
    let commitment = try (flat - quantized.detached()).squared().mean()
    let straightThrough = try flat + (quantized - flat).detached()
    let decoderInput = try straightThrough.reshaped(to: [images.shape[0], 7, 7, 16]).transposed(permutation: [0, 3, 1, 2])
    let d1 = try (decoderInput.convolution2D(filters: p[7]) + p[8]).relu()
    let d2 = try (d1.transposedConvolution2D(filters: p[9], stride: 2, padding: 1) + p[10]).relu()
    let reconstruction = try d2.transposedConvolution2D(filters: p[11], stride: 2, padding: 1) + p[12]
    return try (reconstruction - images).squared().mean() + codebookLoss + commitment * 0.25
}

func vqVAEEpoch() throws -> (wall: Double, cpu: Double) {
    var generator = RandomGenerator(seed: 3)
    let images = generator.uniform([4_500, 1, 28, 28])
    let shapes = [[32, 1, 4, 4], [32, 1, 1], [64, 32, 4, 4], [64, 1, 1], [16, 64, 1, 1], [16, 1, 1], [64, 16],
                  [64, 16, 1, 1], [64, 1, 1], [64, 32, 4, 4], [32, 1, 1], [32, 1, 4, 4], [1, 1, 1]]
    var parameters = shapes.map { generator.normal($0, standardDeviation: 0.05) }
    let batches = try stride(from: 0, to: 4_500, by: 64).map { start in
        try images.sliced(alongAxis: 0, range: start..<min(start + 64, 4_500))
    }
    return try best(1) {
        for batch in batches {
            let (_, gradients) = try valueAndGradient(at: parameters) { try vqVAELoss($0, images: batch) }
            for i in parameters.indices {
                gradients[i].scalars.withUnsafeBufferPointer { gradient in
                    parameters[i].updateScalars { values in
                        values.withUnsafeMutableBufferPointer { v in
                            for j in 0..<v.count { v[j] -= 1e-3 * gradient[j] }
                        }
                    }
                }
            }
        }
    }
}

// Arguments: workloads to run (gemm, multivae, vqvae; none runs them all) and `--threads N`.
var arguments = Array(CommandLine.arguments.dropFirst())
if let flag = arguments.firstIndex(of: "--threads"), flag + 1 < arguments.count, let count = Int(arguments[flag + 1]) {
    LinearAlgebraBackend.threadCount = count
    arguments.removeSubrange(flag...(flag + 1))
}
print("threads: \(LinearAlgebraBackend.threadCount)")
let chosen = Set(arguments)
func wanted(_ name: String) -> Bool { chosen.isEmpty || chosen.contains(name) }
if wanted("gemm") {
    try gemmReport()
    print("OpenBLAS core: \(LinearAlgebraBackend.coreName)")
}
if wanted("multivae") {
    report("multivae epoch dense", try multiVAEEpoch(sparse: false))
    report("multivae epoch sparse-first-layer", try multiVAEEpoch(sparse: true))
}
if wanted("vqvae") { report("vqvae epoch", try vqVAEEpoch()) }
