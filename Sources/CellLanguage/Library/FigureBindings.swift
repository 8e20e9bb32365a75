import Plots

extension Figure: CellExposed {
    static var cellTypeName: String { "Figure" }
    var cellRichOutput: RichOutput? { RichOutput(data: mimeBundle(), metadata: mimeMetadata()) }
}

extension BindingTable {
    /// `Figure`: line plots, scatter, bars, histograms, heatmaps, image grids and panels, shown as PNG.
    static var figureBindings: TypeBindings {
        let figure = Figure.self
        return TypeBindings("Figure", summary: "A chart or picture that renders to PNG; the last value of a cell shows it.", [
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("width", .int, defaultValue: .int(640), documentation: "Logical width in points."),
                                         .init("height", .int, defaultValue: .int(400), documentation: "Logical height in points."),
                                         .init("title", .string, defaultValue: .string(""), documentation: "The title above the chart."),
                                         .init("xLabel", .string, defaultValue: .string(""), documentation: "The horizontal axis label."),
                                         .init("yLabel", .string, defaultValue: .string(""), documentation: "The vertical axis label.")],
                            returns: "Figure",
                            summary: "An empty chart; add series with `plot`, `scatter`, `bar` or `histogram`.") { call in
                .library(Figure(width: try call.int(0), height: try call.int(1), title: try call.string(2),
                                xLabel: try call.string(3), yLabel: try call.string(4)))
            },
            FunctionBinding("plot", kind: .method,
                            parameters: [.init(nil, "values", .sequence("[Double]"), documentation: "The heights of the line's points."),
                                         .init("x", .any("[Double]?"), defaultValue: .optional(nil),
                                               documentation: "Horizontal positions, one per value; nil for 0, 1, 2, …."),
                                         .init("name", .string, defaultValue: .string(""), documentation: "The legend entry.")],
                            returns: "Void", summary: "Adds a line of `values` drawn at `x` (or at 0, 1, 2, …).",
                            isMutating: true) { call in
                let values = try call.doubles(0), x = try call.optionalDoubles(1), name = try call.string(2)
                try call.mutateReceiver(as: figure) { $0.plot(values, x: x, name: name) }
                return .void
            },
            FunctionBinding("plot", kind: .method,
                            parameters: [.init(nil, "series", .any("LineSeries"), documentation: "A prepared line.")],
                            returns: "Void", summary: "Adds a prepared line series.", isMutating: true) { call in
                let series = try call.argument(0, as: LineSeries.self)
                try call.mutateReceiver(as: figure) { $0.plot(series) }
                return .void
            },
            FunctionBinding("scatter", kind: .method,
                            parameters: [.init("x", .sequence("[Double]"), documentation: "Horizontal positions."),
                                         .init("y", .sequence("[Double]"), documentation: "Vertical positions."),
                                         .init("labels", .sequence("[Int]"), defaultValue: .array([]),
                                               documentation: "A category per point, each coloured and listed in the legend."),
                                         .init("classNames", .sequence("[String]"), defaultValue: .array([]),
                                               documentation: "Legend names of the categories by number."),
                                         .init("name", .string, defaultValue: .string(""), documentation: "The legend entry.")],
                            returns: "Void", summary: "Adds points at (`x[i]`, `y[i]`), coloured by `labels` when given.",
                            isMutating: true) { call in
                let x = try call.doubles(0), y = try call.doubles(1), labels = try call.ints(2)
                let classNames = try call.strings(3), name = try call.string(4)
                try call.mutateReceiver(as: figure) { $0.scatter(x: x, y: y, labels: labels, classNames: classNames, name: name) }
                return .void
            },
            FunctionBinding("bar", kind: .method,
                            parameters: [.init(nil, "values", .sequence("[Double]"), documentation: "One bar height per value."),
                                         .init("labels", .sequence("[String]"), defaultValue: .array([]),
                                               documentation: "Labels under the bars; empty for 0, 1, 2, …."),
                                         .init("name", .string, defaultValue: .string(""), documentation: "The legend entry.")],
                            returns: "Void", summary: "Adds one bar per value.", isMutating: true) { call in
                let values = try call.doubles(0), labels = try call.strings(1), name = try call.string(2)
                try call.mutateReceiver(as: figure) { $0.bar(values, labels: labels, name: name) }
                return .void
            },
            FunctionBinding("histogram", kind: .method,
                            parameters: [.init(nil, "values", .sequence("[Double]"), documentation: "The values to count."),
                                         .init("bins", .int, defaultValue: .int(20), documentation: "The number of equal-width bins."),
                                         .init("name", .string, defaultValue: .string(""), documentation: "The legend entry.")],
                            returns: "Void", summary: "Adds a histogram of `values` over their finite range.",
                            isMutating: true) { call in
                let values = try call.doubles(0), bins = try call.int(1), name = try call.string(2)
                try call.mutateReceiver(as: figure) { $0.histogram(values, bins: bins, name: name) }
                return .void
            },
            FunctionBinding("markEpochs", kind: .method,
                            parameters: [.init("stepsPerEpoch", .int, documentation: "Steps in one epoch.")],
                            returns: "Void",
                            summary: "Marks the end of every epoch on a step axis with a dashed line and its number.",
                            isMutating: true) { call in
                let steps = try call.int(0)
                try call.mutateReceiver(as: figure) { $0.markEpochs(stepsPerEpoch: steps) }
                return .void
            },
            FunctionBinding("save", kind: .method,
                            parameters: [.init(nil, "path", .string, documentation: "Where to write the PNG file.")],
                            returns: "Void", summary: "Writes the figure as a PNG file.") { call in
                let path = try call.string(0)
                try call.library { try call.receiver(as: figure).save(path) }
                return .void
            },
            LibraryBinding.settableProperty("logY", of: figure, returns: "Bool",
                                            summary: "Whether the vertical axis is base-10 logarithmic.",
                                            get: { .bool($0.logY) }, set: { $0.logY = try LibraryConversion.bool($1) }),
            LibraryBinding.settableProperty("smoothingWindow", of: figure, returns: "Int",
                                            summary: "When above 1, lines are drawn faintly under a moving average of this many points.",
                                            get: { .int($0.smoothingWindow) }, set: { $0.smoothingWindow = try LibraryConversion.int($1) }),
            LibraryBinding.settableProperty("showsGrid", of: figure, returns: "Bool",
                                            summary: "Whether light grid lines are drawn at the ticks.",
                                            get: { .bool($0.showsGrid) }, set: { $0.showsGrid = try LibraryConversion.bool($1) }),
            LibraryBinding.settableProperty("title", of: figure, returns: "String", summary: "The title above the chart.",
                                            get: { .string($0.title) }, set: { $0.title = try LibraryConversion.string($1) }),
            LibraryBinding.settableProperty("xLabel", of: figure, returns: "String", summary: "The horizontal axis label.",
                                            get: { .string($0.xLabel) }, set: { $0.xLabel = try LibraryConversion.string($1) }),
            LibraryBinding.settableProperty("yLabel", of: figure, returns: "String", summary: "The vertical axis label.",
                                            get: { .string($0.yLabel) }, set: { $0.yLabel = try LibraryConversion.string($1) }),
            LibraryBinding.settableProperty("width", of: figure, returns: "Int", summary: "Logical width in points.",
                                            get: { .int($0.width) }, set: { $0.width = try LibraryConversion.int($1) }),
            LibraryBinding.settableProperty("height", of: figure, returns: "Int", summary: "Logical height in points.",
                                            get: { .int($0.height) }, set: { $0.height = try LibraryConversion.int($1) }),
        ] + figureStaticBindings)
    }
}
