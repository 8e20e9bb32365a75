import Plots

extension BindingTable {
    /// The figure makers: `Figure.lines`, `heatmap`, `confusionMatrix`, `imageGrid`, `panels`.
    static var figureStaticBindings: [FunctionBinding] {
        [
            FunctionBinding("lines", kind: .staticMethod,
                            parameters: [.init(nil, "series", .sequence("[LineSeries]"), documentation: "The named lines."),
                                         .init("title", .string, defaultValue: .string(""), documentation: "The title."),
                                         .init("xLabel", .string, defaultValue: .string(""), documentation: "The horizontal axis label."),
                                         .init("yLabel", .string, defaultValue: .string(""), documentation: "The vertical axis label."),
                                         .init("logY", .bool, defaultValue: .bool(false), documentation: "A logarithmic vertical axis."),
                                         .init("smoothingWindow", .int, defaultValue: .int(0),
                                               documentation: "Moving-average window drawn over each line (0 for none).")],
                            returns: "Figure", summary: "A line chart of several named series sharing one pair of axes.") { call in
                .library(Figure.lines(try call.array(0, of: LineSeries.self), title: try call.string(1), xLabel: try call.string(2),
                                      yLabel: try call.string(3), logY: try call.bool(4), smoothingWindow: try call.int(5)))
            },
            FunctionBinding("heatmap", kind: .staticMethod,
                            parameters: [.init(nil, "matrix", .sequence("[[Double]]"), documentation: "Rows of values, top to bottom."),
                                         .init("rowLabels", .sequence("[String]"), defaultValue: .array([]),
                                               documentation: "Names beside the rows."),
                                         .init("columnLabels", .sequence("[String]"), defaultValue: .array([]),
                                               documentation: "Names under the columns."),
                                         .init("title", .string, defaultValue: .string(""), documentation: "The title."),
                                         .init("showsValues", .bool, defaultValue: .bool(false),
                                               documentation: "Writes each cell's value in it when it fits.")],
                            returns: "Figure", summary: "A matrix drawn as coloured cells with a colour bar.") { call in
                let matrix = try LibraryConversion.elements(call.arguments[0], expected: "[[Double]]").map(LibraryConversion.doubles)
                return .library(Figure.heatmap(matrix, rowLabels: try call.strings(1), columnLabels: try call.strings(2),
                                               title: try call.string(3), showsValues: try call.bool(4)))
            },
            FunctionBinding("confusionMatrix", kind: .staticMethod,
                            parameters: [.init(nil, "counts", .sequence("[[Int]]"), documentation: "`counts[true][predicted]`."),
                                         .init("classNames", .sequence("[String]"), defaultValue: .array([]),
                                               documentation: "The class names."),
                                         .init("title", .string, defaultValue: .string("Confusion matrix"), documentation: "The title.")],
                            returns: "Figure", summary: "A confusion matrix in blue shades with the counts written in the cells.") { call in
                let counts = try LibraryConversion.elements(call.arguments[0], expected: "[[Int]]").map {
                    try LibraryConversion.elements($0, expected: "[Int]").map(LibraryConversion.int)
                }
                return .library(Figure.confusionMatrix(counts, classNames: try call.strings(1), title: try call.string(2)))
            },
            FunctionBinding("imageGrid", kind: .staticMethod,
                            parameters: [.init(nil, "images", .sequence("[PlotImage]"), documentation: "The images, filled row by row."),
                                         .init("columns", .int, defaultValue: .int(8), documentation: "Images per row."),
                                         .init("captions", .sequence("[String]"), defaultValue: .array([]),
                                               documentation: "A caption under each image."),
                                         .init("title", .string, defaultValue: .string(""), documentation: "The title."),
                                         .init("pixelScale", .int, defaultValue: .int(2), documentation: "Points per source pixel.")],
                            returns: "Figure", summary: "A grid of images, `columns` to a row, with optional captions.") { call in
                .library(Figure.imageGrid(try call.array(0, of: PlotImage.self), columns: try call.int(1),
                                          captions: try call.strings(2), title: try call.string(3), pixelScale: try call.int(4)))
            },
            FunctionBinding("imageGrid", kind: .staticMethod,
                            parameters: [.init("rows", .sequence("[[PlotImage]]"),
                                               documentation: "One array per row, e.g. inputs above their reconstructions."),
                                         .init("rowLabels", .sequence("[String]"), defaultValue: .array([]),
                                               documentation: "Labels left of the rows."),
                                         .init("title", .string, defaultValue: .string(""), documentation: "The title."),
                                         .init("pixelScale", .int, defaultValue: .int(2), documentation: "Points per source pixel.")],
                            returns: "Figure", summary: "A grid of images, one row per array, with labels left of the rows.") { call in
                let rows = try LibraryConversion.elements(call.arguments[0], expected: "[[PlotImage]]").map { row in
                    try LibraryConversion.elements(row, expected: "[PlotImage]").map { element -> PlotImage in
                        guard let image = element.library(PlotImage.self) else {
                            throw CellLanguageError.cannotConvertArgument(valueType: element.typeName, expectedType: "PlotImage")
                        }
                        return image
                    }
                }
                return .library(Figure.imageGrid(rows: rows, rowLabels: try call.strings(1), title: try call.string(2),
                                                 pixelScale: try call.int(3)))
            },
            FunctionBinding("panels", kind: .staticMethod,
                            parameters: [.init(nil, "figures", .sequence("[Figure]"), documentation: "The panels."),
                                         .init("columns", .int, defaultValue: .int(0), documentation: "Panels per row; 0 for one row."),
                                         .init("title", .string, defaultValue: .string(""), documentation: "An overall title.")],
                            returns: "Figure", summary: "Several figures side by side in one picture.") { call in
                .library(Figure.panels(try call.array(0, of: Figure.self), columns: try call.int(1), title: try call.string(2)))
            },
        ]
    }
}
