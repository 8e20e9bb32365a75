/// Finite-difference checking of gradients, used by the tests of every primitive and available to
/// layers built on this module.
///
/// The function's output is projected to one number with fixed random weights, so every output
/// element is checked; the projection sums in `Double`. Inputs are `Float32`, so the step is large
/// (1e-2 by default) and tolerances are about 1e-2 relative: that is enough to catch a wrong rule
/// (which is off by O(1)) without adding a Float64 code path to every op.
///
/// - Parameters:
///   - inputs: The tensors to perturb one element at a time.
///   - step: The finite-difference step h of the central difference `(f(x + h) − f(x − h)) / 2h`.
///   - function: The function whose recorded gradient is checked.
/// - Returns: the largest `|analytic − numeric| / max(1, |numeric|)` over all input elements.
public func maximumGradientError(
    at inputs: [Tensor], step: Float = 1e-2, of function: ([Tensor]) throws -> Tensor
) throws -> Float {
    var generator = RandomGenerator(seed: 0x5EED)
    let probe = try withoutGradient { try function(inputs) }
    let weights = generator.uniform(probe.shape, lowerBound: -1, upperBound: 1)
    func projected(_ tensors: [Tensor]) throws -> Double {
        let output = try withoutGradient { try function(tensors) }
        return zip(output.scalars, weights.scalars).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }
    let (_, analytic) = try valueAndGradient(at: inputs) { tensors in
        try (function(tensors) * weights).sum()
    }
    var worst: Float = 0
    for (index, input) in inputs.enumerated() {
        for position in 0..<input.scalarCount {
            var shifted = inputs
            shifted[index].scalars[position] = input.scalars[position] + step
            let plus = try projected(shifted)
            shifted[index].scalars[position] = input.scalars[position] - step
            let minus = try projected(shifted)
            let numeric = Float((plus - minus) / Double(2 * step))
            let error = Swift.abs(analytic[index].scalars[position] - numeric) / Swift.max(1, Swift.abs(numeric))
            worst = Swift.max(worst, error.isNaN ? .infinity : error)
        }
    }
    return worst
}
