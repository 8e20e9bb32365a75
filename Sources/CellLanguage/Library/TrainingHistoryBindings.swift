import Foundation
import Models
import Plots

extension TrainingHistory: CellExposed {
    static var cellTypeName: String { "TrainingHistory" }
    var cellDescription: String {
        let last = last("loss").map { String(format: "%.4f", $0) } ?? "–"
        return "TrainingHistory(\(epochs.count) epochs, \(steps.count) steps, last loss \(last)"
            + (wasInterrupted ? ", interrupted" : "") + (stoppedEarly ? ", stopped early" : "") + ")"
    }
    /// The loss curve.
    var cellRichOutput: RichOutput? {
        guard let figure = try? plotFigure(["loss"]) else { return nil }
        return RichOutput(data: figure.mimeBundle().merging(["text/plain": cellDescription]) { _, new in new },
                          metadata: figure.mimeMetadata())
    }

    /// One chart per series (side by side when there are several): per step with a moving average and epoch
    /// marks when recorded per step, else per epoch.
    func plotFigure(_ names: [String]) throws -> Figure {
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

extension BindingTable {
    /// `TrainingHistory`: per-step and per-epoch series, plotted with `plot("loss", "kl", "beta")`.
    static var trainingHistoryBindings: TypeBindings {
        let history = TrainingHistory.self
        return TypeBindings("TrainingHistory", summary: "What `fit` recorded per step and per epoch; as a cell's value, the loss curve.", [
            FunctionBinding("plot", kind: .method,
                            parameters: [.init(nil, "names", .string, isVariadic: true,
                                               documentation: "Series to draw, each in its own panel; none draws \"loss\".")],
                            returns: "Figure", summary: "Plots recorded series, e.g. `history.plot(\"loss\", \"kl\", \"beta\")`.") { call in
                let record = try call.receiver(as: history)
                let names = try call.strings(0)
                return .library(try call.library { try record.plotFigure(names.isEmpty ? ["loss"] : names) })
            },
            FunctionBinding("series", kind: .method, parameters: [.init(nil, "name", .string, documentation: "The series, e.g. \"loss\".")],
                            returns: "[Double]", summary: "A series at the finest granularity it was recorded (per step, else per epoch).") { call in
                let record = try call.receiver(as: history), name = try call.string(0)
                return LibraryConversion.array(try call.library { try record.series(name) })
            },
            FunctionBinding("epochSeries", kind: .method, parameters: [.init(nil, "name", .string, documentation: "The series.")],
                            returns: "[Double]", summary: "A series' per-epoch values (means, validation metrics).") { call in
                LibraryConversion.array(try call.receiver(as: history).epochSeries(try call.string(0)))
            },
            FunctionBinding("last", kind: .method, parameters: [.init(nil, "name", .string, documentation: "The series.")],
                            returns: "Double?", summary: "The last recorded value of a series, or nil.") { call in
                .optional(try call.receiver(as: history).last(try call.string(0)).map(Value.double))
            },
            LibraryBinding.property("stepSeriesNames", of: history, returns: "[String]", summary: "Series recorded per step.") {
                LibraryConversion.array($0.stepSeriesNames)
            },
            LibraryBinding.property("epochSeriesNames", of: history, returns: "[String]", summary: "Series recorded per epoch.") {
                LibraryConversion.array($0.epochSeriesNames)
            },
            LibraryBinding.property("wasInterrupted", of: history, returns: "Bool", summary: "Whether an interrupt stopped training.") {
                .bool($0.wasInterrupted)
            },
            LibraryBinding.property("stoppedEarly", of: history, returns: "Bool", summary: "Whether early stopping ended training.") {
                .bool($0.stoppedEarly)
            },
            LibraryBinding.property("bestEpoch", of: history, returns: "Int?", summary: "The best epoch under early stopping.") {
                .optional($0.bestEpoch.map(Value.int))
            },
        ])
    }
}
