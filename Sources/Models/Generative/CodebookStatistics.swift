import Foundation

/// How a VQ-VAE uses its codebook over a set of code assignments.
public struct CodebookStatistics: Sendable, Equatable, CustomStringConvertible {
    /// How many times each code was chosen, indexed by code.
    public let counts: [Int]

    /// Counts the assignments `codes` to a codebook of `codeCount` entries.
    ///
    /// - Parameters:
    ///   - codes: The chosen code of each vector; codes outside `0..<codeCount` are ignored.
    ///   - codeCount: K, the number of codes in the codebook.
    public init(codes: [Int], codeCount: Int) {
        var counts = [Int](repeating: 0, count: codeCount)
        for code in codes where code >= 0 && code < codeCount { counts[code] += 1 }
        self.counts = counts
    }

    /// `exp(−Σ_k p_k log p_k)` with `p_k` the share of assignments to code `k`: the effective number
    /// of codes in use (1 when every vector maps to one code, K when all are used equally).
    public var perplexity: Float {
        let total = Float(counts.reduce(0, +))
        guard total > 0 else { return 0 }
        let entropy = counts.reduce(Float(0)) { sum, count in
            guard count > 0 else { return sum }
            let share = Float(count) / total
            return sum - share * Foundation.log(share)
        }
        return Foundation.exp(entropy)
    }

    /// The number of codes chosen at least once.
    public var usedCodeCount: Int { counts.filter { $0 > 0 }.count }

    /// The fraction of the codebook chosen at least once, from 0 to 1.
    public var usage: Float { counts.isEmpty ? 0 : Float(usedCodeCount) / Float(counts.count) }

    /// Perplexity and usage in one line.
    public var description: String {
        "perplexity \(perplexity), \(usedCodeCount) of \(counts.count) codes used"
    }
}
