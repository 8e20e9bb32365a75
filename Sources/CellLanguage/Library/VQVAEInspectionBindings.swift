import Models

extension CodebookUpdate: CellExposed {
    static var cellTypeName: String { "CodebookUpdate" }
    var cellDescription: String {
        switch self {
        case .loss: ".loss"
        case let .exponentialMovingAverage(decay, epsilon): ".exponentialMovingAverage(decay: \(decay), epsilon: \(epsilon))"
        }
    }
}

extension CodebookStatistics: CellExposed { static var cellTypeName: String { "CodebookStatistics" } }
extension CodeGrid: CellExposed { static var cellTypeName: String { "CodeGrid" } }

extension BindingTable {
    /// What a VQ-VAE's codebook learns by and what cells read out of it: the update rule, the
    /// numbers inside an evaluation, code counts and code grids.
    static var vqvaeInspectionTypeBindings: [TypeBindings] {
        [codebookUpdateBindings, vqvaeEvaluationBindings, codebookStatisticsBindings, codeGridBindings]
    }

    /// `.loss`, `.exponentialMovingAverage(decay:epsilon:)`.
    static var codebookUpdateBindings: TypeBindings {
        TypeBindings("CodebookUpdate", summary: "How a VQ-VAE codebook learns (van den Oord et al. 2017, eq. 3 or appendix A.1).", [
            LibraryBinding.enumerationCase("loss", CodebookUpdate.loss, summary: "Gradient descent on the codebook loss ‖sg[z_e] − e‖²."),
            FunctionBinding("exponentialMovingAverage", kind: .staticMethod,
                            parameters: [.init("decay", .double, defaultValue: .double(0.99), documentation: "γ of the moving averages."),
                                         .init("epsilon", .double, defaultValue: .double(1e-5), documentation: "Laplace smoothing of the counts.")],
                            returns: "CodebookUpdate", summary: "Moving averages of the encoder outputs assigned to each code.") { call in
                .library(CodebookUpdate.exponentialMovingAverage(decay: Float(try call.double(0)), epsilon: Float(try call.double(1))))
            },
        ])
    }

    /// The numbers inside `VQVAEEvaluation`.
    static var vqvaeEvaluationBindings: TypeBindings {
        let evaluation = VQVAEEvaluation.self
        return TypeBindings("VQVAEEvaluation", summary: "Reconstruction error and codebook use over a dataset.", [
            LibraryBinding.property("meanSquaredError", of: evaluation, returns: "Float", summary: "MSE per pixel.") {
                .double(Double($0.meanSquaredError))
            },
            LibraryBinding.property("commitmentLoss", of: evaluation, returns: "Float", summary: "‖z_e − sg[e]‖² per value (before β).") {
                .double(Double($0.commitmentLoss))
            },
            LibraryBinding.property("codebook", of: evaluation, returns: "CodebookStatistics", summary: "Code counts, perplexity, usage.") {
                .library($0.codebook)
            },
        ])
    }

    /// Code counts, perplexity and usage.
    static var codebookStatisticsBindings: TypeBindings {
        let statistics = CodebookStatistics.self
        return TypeBindings("CodebookStatistics", summary: "How often each code was chosen.", [
            LibraryBinding.property("counts", of: statistics, returns: "[Int]", summary: "How many vectors chose each code.") {
                LibraryConversion.array($0.counts)
            },
            LibraryBinding.property("perplexity", of: statistics, returns: "Float",
                                    summary: "exp of the entropy of the code frequencies: the number of equally used codes it equals.") {
                .double(Double($0.perplexity))
            },
            LibraryBinding.property("usedCodeCount", of: statistics, returns: "Int", summary: "Codes chosen at least once.") {
                .int($0.usedCodeCount)
            },
            LibraryBinding.property("usage", of: statistics, returns: "Float", summary: "The fraction of codes chosen at least once.") {
                .double(Double($0.usage))
            },
        ])
    }

    /// The nearest-code grids of a batch.
    static var codeGridBindings: TypeBindings {
        let grid = CodeGrid.self
        return TypeBindings("CodeGrid", summary: "Codebook indices of a batch, row-major `[count, height, width]`.", [
            LibraryBinding.property("count", of: grid, returns: "Int", summary: "The number of images.") { .int($0.count) },
            LibraryBinding.property("height", of: grid, returns: "Int", summary: "Rows of codes per image.") { .int($0.height) },
            LibraryBinding.property("width", of: grid, returns: "Int", summary: "Columns of codes per image.") { .int($0.width) },
            LibraryBinding.property("codes", of: grid, returns: "[Int]", summary: "The indices, image after image, row after row.") {
                LibraryConversion.array($0.codes)
            },
        ])
    }
}
