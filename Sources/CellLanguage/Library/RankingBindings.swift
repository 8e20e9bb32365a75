import Datasets

extension RankingMetric: CellExposed {
    static var cellTypeName: String { "RankingMetric" }
}

extension MetricReport: CellExposed {
    static var cellTypeName: String { "MetricReport" }
    var cellRichOutput: RichOutput? { RichOutput(data: mimeBundle()) }
}

extension BindingTable {
    /// Ranking metrics (`.ndcg(100)`, `.recall(20)`, …) and the reports models' `evaluate` returns.
    static var rankingTypeBindings: [TypeBindings] {
        [rankingMetricBindings, metricReportBindings]
    }

    /// The cases of `RankingMetric`.
    static var rankingMetricBindings: TypeBindings {
        func cutoffCase(_ name: String, _ make: @escaping (Int) -> RankingMetric, summary: String) -> FunctionBinding {
            FunctionBinding(name, kind: .staticMethod,
                            parameters: [.init(nil, "k", .int, documentation: "The cutoff: how many top-ranked items count.")],
                            returns: "RankingMetric", summary: summary) { call in
                .library(make(try call.int(0)))
            }
        }
        return TypeBindings("RankingMetric", summary: "A top-k ranking metric averaged over users.", [
            cutoffCase("ndcg", RankingMetric.ndcg, summary: "Normalised discounted cumulative gain of the top k."),
            cutoffCase("recall", RankingMetric.recall, summary: "Hits in the top k / relevant count (RecBole)."),
            cutoffCase("truncatedRecall", RankingMetric.truncatedRecall,
                       summary: "Hits in the top k / min(k, relevant count) (Liang et al. 2018)."),
            cutoffCase("precision", RankingMetric.precision, summary: "Hits in the top k / k."),
            cutoffCase("hit", RankingMetric.hit, summary: "1 when the top k holds a relevant item, else 0."),
            cutoffCase("meanReciprocalRank", RankingMetric.meanReciprocalRank,
                       summary: "1 / rank of the first relevant item in the top k."),
            LibraryBinding.enumerationCase("areaUnderCurve", RankingMetric.areaUnderCurve,
                                           summary: "The probability that a relevant item outscores a non-relevant one."),
            LibraryBinding.property("cutoff", of: RankingMetric.self, returns: "Int?", summary: "The cutoff k, or nil for AUC.") {
                .optional($0.cutoff.map(Value.int))
            },
        ])
    }

    /// `MetricReport`: an HTML table as a cell's value; `report["NDCG@100"]` or `report[.ndcg(100)]` reads a mean.
    static var metricReportBindings: TypeBindings {
        TypeBindings("MetricReport", summary: "Metric means over users with standard errors; an HTML table as a cell's value.", [
            FunctionBinding("subscript", kind: .method,
                            parameters: [.init(nil, "name", .string, documentation: "The metric's display name, e.g. \"NDCG@100\".")],
                            returns: "Double?", summary: "The mean of the metric called `name`, if the report has it.") { call in
                .optional(try call.receiver(as: MetricReport.self)[try call.string(0)].map(Value.double))
            },
            FunctionBinding("subscript", kind: .method,
                            parameters: [.init(nil, "metric", .any("RankingMetric"), documentation: "The metric, e.g. `.ndcg(100)`.")],
                            returns: "Double?", summary: "The mean of `metric`, if the report has it.") { call in
                .optional(try call.receiver(as: MetricReport.self)[try call.argument(0, as: RankingMetric.self)].map(Value.double))
            },
        ])
    }
}
