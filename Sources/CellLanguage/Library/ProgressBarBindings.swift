import Plots

/// A progress bar a cell drives itself: each due update replaces the same display in place.
final class CellProgressBar: CellExposed {
    static var cellTypeName: String { "ProgressBar" }
    var bar: ProgressBar
    let display: LiveDisplay

    init(bar: ProgressBar, display: LiveDisplay) {
        self.bar = bar
        self.display = display
    }

    var cellDescription: String { bar.plainText() }
    var cellRichOutput: RichOutput? { RichOutput(data: bar.mimeBundle()) }

    /// Shows the bar when `isDue` (the bar's own decision).
    func refresh(if isDue: Bool) {
        if isDue { display.show(RichOutput(data: bar.mimeBundle())) }
    }
}

extension BindingTable {
    /// `ProgressBar(total:label:)` with `update` and `advance`, refreshed in place about ten times a second.
    static var progressBarBindings: TypeBindings {
        TypeBindings("ProgressBar", summary: "A live progress bar for a loop, updated in place in the cell's output.", [
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("total", .int, documentation: "Steps in the whole run; 0 when unknown."),
                                         .init("label", .string, defaultValue: .string(""), documentation: "A short label in front of the bar."),
                                         .init("epochCount", .any("Int?"), defaultValue: .optional(nil),
                                               documentation: "The number of epochs, shown as \"epoch 3/10\".")],
                            returns: "ProgressBar", summary: "A bar for `total` steps, shown when first updated.") { call in
                let bar = ProgressBar(total: try call.int(0), label: try call.string(1), epochCount: try call.optionalInt(2))
                return .library(CellProgressBar(bar: bar, display: LiveDisplay(output: call.evaluator.output)))
            },
            FunctionBinding("update", kind: .method,
                            parameters: [.init("completed", .int, documentation: "Steps done so far."),
                                         .init("epoch", .any("Int?"), defaultValue: .optional(nil), documentation: "The current epoch."),
                                         .init("loss", .any("Double?"), defaultValue: .optional(nil), documentation: "The latest loss.")],
                            returns: "Void", summary: "Records progress and refreshes the display when due (about ten times a second, and at the end).") { call in
                let progress = try call.receiver(as: CellProgressBar.self)
                let loss = try call.optionalDouble(2)
                progress.refresh(if: progress.bar.update(completed: try call.int(0), epoch: try call.optionalInt(1), loss: loss))
                return .void
            },
            FunctionBinding("advance", kind: .method,
                            parameters: [.init("by", "steps", .int, defaultValue: .int(1), documentation: "Steps just done.")],
                            returns: "Void", summary: "Adds `steps` to the count and refreshes the display when due.") { call in
                let progress = try call.receiver(as: CellProgressBar.self)
                progress.refresh(if: progress.bar.advance(by: try call.int(0)))
                return .void
            },
            LibraryBinding.property("completed", of: CellProgressBar.self, returns: "Int", summary: "Steps done so far.") {
                .int($0.bar.completed)
            },
            LibraryBinding.property("isFinished", of: CellProgressBar.self, returns: "Bool", summary: "Whether every step is done.") {
                .bool($0.bar.isFinished)
            },
        ])
    }
}
