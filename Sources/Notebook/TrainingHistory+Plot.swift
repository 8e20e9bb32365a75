import Models
import Plots

extension TrainingHistory {
    /// Plots recorded series, each in its own panel: `history.plot("loss", "kl", "beta")`; none draws "loss".
    /// Per-step series are smoothed when long and marked at epoch boundaries.
    ///
    /// - Parameter names: the series to draw, e.g. "loss", "reconstruction", "NDCG@100".
    public func plot(_ names: String...) throws -> Figure {
        try plot(names)
    }

    /// Plots recorded series, each in its own panel (none draws "loss").
    ///
    /// - Parameter names: the series to draw.
    public func plot(_ names: [String]) throws -> Figure {
        let names = names.isEmpty ? ["loss"] : names
        let charts = try names.map { name -> Figure in
            let isPerStep = !stepSeries(name).isEmpty
            let values = try series(name)
            var figure = Figure(width: names.count == 1 ? 640 : 360, height: names.count == 1 ? 400 : 280,
                                title: name, xLabel: isPerStep ? "step" : "epoch", yLabel: name)
            figure.plot(values, x: isPerStep ? stepNumbers(name) : epochNumbers(name), name: name)
            if isPerStep, values.count > 200 { figure.smoothingWindow = values.count / 100 }
            if isPerStep, epochs.count > 1, let stepsPerEpoch = epochs.first?.step, stepsPerEpoch > 0 {
                figure.markEpochs(stepsPerEpoch: stepsPerEpoch)
            }
            return figure
        }
        return charts.count == 1 ? charts[0] : Figure.panels(charts, columns: min(charts.count, 3))
    }
}

/// A history shows as its loss curve.
extension TrainingHistory: RichDisplayable {
    public func mimeBundle() -> [String: String] {
        guard let figure = try? plot(["loss"]) else { return ["text/plain": description] }
        return figure.mimeBundle().merging(["text/plain": description]) { _, new in new }
    }

    public func mimeMetadata() -> [String: [String: Int]] {
        (try? plot(["loss"]).mimeMetadata()) ?? [:]
    }
}
