import Foundation
import Plots

extension LineSeries: CellExposed {
    static var cellTypeName: String { "LineSeries" }
    var cellDescription: String { "LineSeries(name: \(name.debugDescription), \(y.count) points)" }
}

extension PlotImage: CellExposed {
    static var cellTypeName: String { "PlotImage" }
    var cellDescription: String { "PlotImage(\(width)×\(height), \(channels == 1 ? "grey" : "RGB"))" }
    /// The image alone, enlarged four times, as PNG.
    var cellRichOutput: RichOutput? {
        let figure = Figure.imageGrid([self], columns: 1, pixelScale: 4)
        return RichOutput(data: figure.mimeBundle().merging(["text/plain": cellDescription]) { _, new in new },
                          metadata: figure.mimeMetadata())
    }
}

extension Table: CellExposed {
    static var cellTypeName: String { "Table" }
    var cellRichOutput: RichOutput? { RichOutput(data: mimeBundle(), metadata: mimeMetadata()) }
}

extension Markdown: CellExposed {
    static var cellTypeName: String { "Markdown" }
    var cellRichOutput: RichOutput? { RichOutput(data: mimeBundle(), metadata: mimeMetadata()) }
}

extension BindingTable {
    /// `LineSeries(name:y:x:)`: a named line for `Figure.lines`.
    static var lineSeriesBindings: TypeBindings {
        TypeBindings("LineSeries", summary: "A named line: `y[i]` drawn at `x[i]`.", [
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("name", .string, defaultValue: .string(""), documentation: "The legend entry."),
                                         .init("y", .sequence("[Double]"), documentation: "The values."),
                                         .init("x", .any("[Double]?"), defaultValue: .optional(nil),
                                               documentation: "Horizontal positions; nil for 0, 1, 2, ….")],
                            returns: "LineSeries", summary: "A line through (`x[i]`, `y[i]`).") { call in
                .library(LineSeries(name: try call.string(0), y: try call.doubles(1), x: try call.optionalDoubles(2)))
            },
            LibraryBinding.property("name", of: LineSeries.self, returns: "String", summary: "The legend entry.") { .string($0.name) },
            LibraryBinding.property("y", of: LineSeries.self, returns: "[Double]", summary: "The values.") { LibraryConversion.array($0.y) },
            LibraryBinding.property("x", of: LineSeries.self, returns: "[Double]", summary: "The horizontal positions.") {
                LibraryConversion.array($0.x)
            },
        ])
    }

    /// `PlotImage(pixels:width:height:)`: a small picture for image grids.
    static var plotImageBindings: TypeBindings {
        TypeBindings("PlotImage", summary: "A small grey or RGB picture for an image grid, such as a 28×28 digit.", [
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("pixels", .sequence("[Double]"), documentation: "Row-major values in 0...1."),
                                         .init("width", .int, documentation: "Width in pixels."),
                                         .init("height", .int, documentation: "Height in pixels."),
                                         .init("channels", .int, defaultValue: .int(1), documentation: "1 for grey, 3 for RGB."),
                                         .init("planar", .bool, defaultValue: .bool(false),
                                               documentation: "RGB stored channel by channel rather than interleaved.")],
                            returns: "PlotImage", summary: "An image from values in 0...1.") { call in
                .library(PlotImage(pixels: try call.doubles(0), width: try call.int(1), height: try call.int(2),
                                   channels: try call.int(3), planar: try call.bool(4)))
            },
            FunctionBinding("normalized", kind: .method, returns: "PlotImage",
                            summary: "The image stretched so its smallest value is black and its largest white.") { call in
                .library(try call.receiver(as: PlotImage.self).normalized())
            },
            LibraryBinding.property("width", of: PlotImage.self, returns: "Int", summary: "Width in pixels.") { .int($0.width) },
            LibraryBinding.property("height", of: PlotImage.self, returns: "Int", summary: "Height in pixels.") { .int($0.height) },
            LibraryBinding.property("channels", of: PlotImage.self, returns: "Int", summary: "1 for grey, 3 for RGB.") { .int($0.channels) },
        ])
    }

    /// `Table(columns:rows:)`: HTML in the notebook, aligned text elsewhere.
    static var tableBindings: TypeBindings {
        TypeBindings("Table", summary: "A table for metrics or hyperparameters: HTML in the notebook, aligned text elsewhere.", [
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("columns", .sequence("[String]"), documentation: "Column headings."),
                                         .init("rows", .sequence("[[String]]"),
                                               documentation: "Rows of cells: strings, or numbers printed with `decimals` digits."),
                                         .init("decimals", .int, defaultValue: .int(4), documentation: "Digits after the point for numbers."),
                                         .init("caption", .string, defaultValue: .string(""), documentation: "A caption above the table.")],
                            returns: "Table", summary: "A table of text or number cells.") { call in
                let decimals = try call.int(2)
                let rows = try LibraryConversion.elements(call.arguments[1], expected: "[[String]]").map { row in
                    try LibraryConversion.elements(row, expected: "[String]").map { cell -> String in
                        switch cell {
                        case .string(let text): return text
                        case .int(let number): return String(number)
                        case .double(let number): return String(format: "%.\(max(0, decimals))f", number)
                        default: return cell.description
                        }
                    }
                }
                return .library(Table(columns: try call.strings(0), rows: rows, caption: try call.string(3)))
            },
            LibraryBinding.property("columns", of: Table.self, returns: "[String]", summary: "Column headings.") {
                LibraryConversion.array($0.columns)
            },
            LibraryBinding.property("rows", of: Table.self, returns: "[[String]]", summary: "Rows of cells.") {
                .array($0.rows.map(LibraryConversion.array))
            },
        ])
    }

    /// `Markdown(_:)`: text a notebook renders as Markdown.
    static var markdownBindings: TypeBindings {
        TypeBindings("Markdown", summary: "Markdown text for a notebook output.", [
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init(nil, "text", .string, documentation: "The Markdown source.")],
                            returns: "Markdown", summary: "Wraps Markdown source text.") { call in
                .library(Markdown(try call.string(0)))
            },
            LibraryBinding.property("text", of: Markdown.self, returns: "String", summary: "The Markdown source.") { .string($0.text) },
        ])
    }
}
