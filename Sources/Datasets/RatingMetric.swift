/// An error metric between predicted and observed ratings (explicit feedback, as AutoRec's).
///
/// ```swift
/// try RatingMetric.rootMeanSquaredError.value(predicted: [3.5, 4], observed: [4, 4])   // 0.3536
/// ```
public enum RatingMetric: String, CaseIterable, Sendable, CustomStringConvertible {
    /// √(mean of (predicted − observed)²).
    case rootMeanSquaredError = "RMSE"
    /// Mean of |predicted − observed|.
    case meanAbsoluteError = "MAE"

    /// The short display name ("RMSE", "MAE").
    public var description: String { rawValue }

    /// The metric over aligned arrays, accumulated in `Double`; throws
    /// ``DatasetsError/invalidArgument(_:)`` when they are empty or differ in count.
    ///
    /// - Parameters:
    ///   - predicted: The predicted ratings.
    ///   - observed: The observed ratings, aligned with `predicted`.
    public func value(predicted: [Float], observed: [Float]) throws -> Double {
        guard predicted.count == observed.count, !predicted.isEmpty else {
            throw DatasetsError.invalidArgument(
                "\(rawValue): predicted (\(predicted.count)) and observed (\(observed.count)) must be non-empty and of equal counts")
        }
        var total = 0.0
        for index in predicted.indices {
            let difference = Double(predicted[index]) - Double(observed[index])
            total += self == .rootMeanSquaredError ? difference * difference : abs(difference)
        }
        let mean = total / Double(predicted.count)
        return self == .rootMeanSquaredError ? mean.squareRoot() : mean
    }
}
