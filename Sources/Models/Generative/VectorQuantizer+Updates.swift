import Autograd

/// The codebook updates made outside the gradient: moving averages and dead-code restart.
extension VectorQuantizer {
    /// One EMA step (van den Oord et al., 2017, appendix A.1) from the encoder outputs `inputs`
    /// `[M, D]` and their chosen `codes`: `N_k ← γN_k + (1 − γ)n_k`, `m_k ← γm_k + (1 − γ)Σ z`,
    /// Laplace smoothing `N_k ← (N_k + ε)/(n + Kε)·n` with `n = Σ_k N_k`, then `e_k = m_k / N_k`.
    /// Does nothing for a loss-trained codebook.
    func movingAverageUpdate(inputs: Tensor, codes: [Int]) {
        guard case let .exponentialMovingAverage(decay, epsilon) = update else { return }
        var counts = [Float](repeating: 0, count: codeCount)
        var sums = [Float](repeating: 0, count: codeCount * codeDimension)
        for (row, code) in codes.enumerated() {
            counts[code] += 1
            for column in 0..<codeDimension {
                sums[code * codeDimension + column] += inputs.scalars[row * codeDimension + column]
            }
        }
        for code in 0..<codeCount {
            clusterSizes[code] = decay * clusterSizes[code] + (1 - decay) * counts[code]
        }
        for index in embeddingSums.indices {
            embeddingSums[index] = decay * embeddingSums[index] + (1 - decay) * sums[index]
        }
        let total = clusterSizes.reduce(0, +)
        var values = codebook.scalars
        for code in 0..<codeCount {
            let smoothed = (clusterSizes[code] + epsilon) / (total + Float(codeCount) * epsilon) * total
            for column in 0..<codeDimension {
                values[code * codeDimension + column] = embeddingSums[code * codeDimension + column] / smoothed
            }
        }
        codebook = Tensor(values).detachedReshape(codebook.shape)
    }

    /// Counts a training step's assignments and returns the codes not chosen in the last
    /// `afterSteps` steps, after moving each of them onto a random row of `inputs` `[M, D]` drawn
    /// from `generator` (restarting dead codes where the encoder's outputs are). With
    /// `afterSteps == nil` only the counting is done.
    @discardableResult
    func restartDeadCodes(
        inputs: Tensor, codes: [Int], afterSteps: Int?, generator: inout RandomGenerator
    ) -> [Int] {
        var used = [Bool](repeating: false, count: codeCount)
        for code in codes { used[code] = true }
        for code in 0..<codeCount { stepsSinceUsed[code] = used[code] ? 0 : stepsSinceUsed[code] + 1 }
        guard let afterSteps, inputs.shape[0] > 0 else { return [] }
        let dead = (0..<codeCount).filter { stepsSinceUsed[$0] >= afterSteps }
        guard !dead.isEmpty else { return [] }
        var values = codebook.scalars
        for code in dead {
            let row = generator.nextInt(below: inputs.shape[0])
            for column in 0..<codeDimension {
                let value = inputs.scalars[row * codeDimension + column]
                values[code * codeDimension + column] = value
                embeddingSums[code * codeDimension + column] = value
            }
            clusterSizes[code] = 1
            stepsSinceUsed[code] = 0
        }
        codebook = Tensor(values).detachedReshape(codebook.shape)
        return dead
    }
}

extension Tensor {
    /// The values with a shape known to match their count (for codebooks rebuilt from arrays).
    fileprivate func detachedReshape(_ shape: [Int]) -> Tensor {
        // The count always matches: the values were copied from a tensor of this shape.
        (try? reshaped(to: shape)) ?? self
    }
}
