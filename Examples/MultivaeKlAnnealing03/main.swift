// 03-multivae-kl-annealing.ipynb, exported by `swift-experiments export`: the notebook's code cells in order.
// Each cell's last expression is shown as the kernel shows it; magics are comments.
import Foundation
import Autograd
import NeuralNetworks
import Datasets
import Models
import Plots
import Notebook

// MARK: - Cell 1
// Parameters: papermill replaces them (`papermill in.ipynb out.ipynb -p epochs 200 -p seed 3`).
let epochs = 30        // passes over the training users
let seed: UInt64 = 7   // the seed of every model's initial weights and dropout masks


// MARK: - Cell 2
let ratings = try MovieLens.load(.ml100k)
// Implicit feedback: ratings of 4 and 5 are clicks. Hold out 10% of users for validation and 10% for
// test; a held-out user shows 80% of their clicks (fold-in) and we rank the other 20% (target).
let split = try ratings.implicit(minRating: 4).holdOutUsers(fraction: 0.1, seed: 42)
show(split)

// MARK: - Cell 3
let batchSize = 100
let hidden = 600                          // the paper: 600
let latent = 200                           // the paper: 200
let stepsPerEpoch = (split.train.rowCount + batchSize - 1) / batchSize
let totalSteps = epochs * stepsPerEpoch
let ramp = totalSteps * 3 / 4             // steps for β to go from 0 to 1
let names = ["none (β = 1)", "linear to 0.2", "linear to 1.0", "cyclical to 1.0"]
let schedules = [Annealing.none,
                 Annealing.linear(cap: 0.2, steps: ramp),
                 Annealing.linear(cap: 1.0, steps: ramp),
                 Annealing.cyclical(cap: 1.0, period: totalSteps / 4, rampFraction: 0.5)]
print("\(split.train.rowCount) training users, \(stepsPerEpoch) steps per epoch, \(totalSteps) steps in all")
show(Figure.lines((0..<schedules.count).map { index in
                 LineSeries(name: names[index], y: (0..<totalSteps).map { schedules[index].beta(atStep: $0) })
             }, title: "The KL weight β per gradient step", xLabel: "step", yLabel: "β"))

// MARK: - Cell 4
var models: [MultiVAE] = []
var histories: [TrainingHistory] = []
for schedule in schedules {
    let model = try MultiVAE(items: split.itemCount, hidden: hidden, latent: latent, dropout: 0.5, seed: seed)
    let history = try model.fit(split.train, validation: split.validation, epochs: epochs, batchSize: batchSize,
                                optimizer: Adam(learningRate: 1e-3), annealing: schedule, metrics: [.ndcg(100)])
    models.append(model)
    histories.append(history)
}
show(try histories[2].plot("reconstruction", "kl", "beta"))

// MARK: - Cell 5
let window = stepsPerEpoch
let reconstructionLines = try Figure.lines((0..<schedules.count).map { LineSeries(name: names[$0], y: try histories[$0].series("reconstruction")) },
                                       title: "reconstruction (−log-likelihood)", xLabel: "step", yLabel: "nats per user",
                                       smoothingWindow: window)
let klLines = try Figure.lines((0..<schedules.count).map { LineSeries(name: names[$0], y: try histories[$0].series("kl")) },
                           title: "KL(q(z|x) || N(0, I))", xLabel: "step", yLabel: "nats per user", smoothingWindow: window)
show(Figure.panels([reconstructionLines, klLines], columns: 2))

// MARK: - Cell 6
let epochAxis = (1...epochs).map { Double($0) }
let ndcgLines = Figure.lines((0..<schedules.count).map { LineSeries(name: names[$0], y: histories[$0].epochSeries("NDCG@100"), x: epochAxis) },
                             title: "validation NDCG@100", xLabel: "epoch", yLabel: "NDCG@100")
var ndcgAgainstBeta = Figure(width: 360, height: 280, title: "annealed to 1: NDCG@100 vs β", xLabel: "β (epoch mean)", yLabel: "NDCG@100")
ndcgAgainstBeta.plot(histories[2].epochSeries("NDCG@100"), x: histories[2].epochSeries("beta"), name: "linear to 1.0")
show(Figure.panels([ndcgLines, ndcgAgainstBeta], columns: 2))

// MARK: - Cell 7
// Where the anneal-to-1 run peaked, and the β at that epoch.
let annealed = histories[2].epochSeries("NDCG@100")
let betas = histories[2].epochSeries("beta")
var best = 0
for index in 0..<annealed.count {
    if annealed[index] > annealed[best] { best = index }
}
print("annealing to 1: best validation NDCG@100 \(String(format: "%.4f", annealed[best])) at epoch \(best + 1), β ≈ \(String(format: "%.3f", betas[best]))")
show(print("at the end (β = 1): \(String(format: "%.4f", annealed[annealed.count - 1]))"))

// MARK: - Cell 8
var variances: [[Double]] = []
for model in models {
    variances.append(try model.posteriorMeanVariances(split.train))
}
let activeCounts = variances.map { $0.filter { $0 > 0.01 }.count }
let medianVariances = variances.map { $0.sorted()[latent / 2] }
for index in 0..<names.count {
    print("\(names[index]): \(activeCounts[index]) of \(latent) units active, median variance \(String(format: "%.3f", medianVariances[index]))")
}
// Each schedule's variances, largest first; the dashed level is the 0.01 threshold.
var sortedVariances = (0..<names.count).map { index in
    LineSeries(name: names[index], y: variances[index].sorted { $0 > $1 }.map { max($0, 1e-6) })
}
sortedVariances.append(LineSeries(name: "threshold 0.01", y: [0.01, 0.01], x: [0.0, Double(latent - 1)]))
show(Figure.lines(sortedVariances, title: "Var over users of the posterior mean, per latent dimension (sorted)",
             xLabel: "latent dimension (sorted)", yLabel: "variance", logY: true))

// MARK: - Cell 9
var rows: [[String]] = []
for index in 0..<models.count {
    let report = try models[index].evaluate(split.test, metrics: [.ndcg(100), .recall(20), .recall(50)])
    let validation = histories[index].epochSeries("NDCG@100")
    rows.append([names[index],
                 String(format: "%.3f", histories[index].last("beta") ?? 0),
                 String(format: "%.2f", histories[index].epochSeries("kl").last ?? 0),
                 "\(activeCounts[index]) / \(latent)",
                 String(format: "%.3f", medianVariances[index]),
                 String(format: "%.4f", validation.max() ?? 0),
                 String(format: "%.4f", report["NDCG@100"] ?? 0),
                 String(format: "%.4f", report["Recall@20"] ?? 0),
                 String(format: "%.4f", report["Recall@50"] ?? 0)])
}
show(Table(columns: ["schedule", "final β", "KL (last epoch)", "active units", "median Var(μ)", "best val NDCG@100", "test NDCG@100", "test Recall@20", "test Recall@50"],
      rows: rows,
      caption: "Multi-VAE \(hidden)-\(latent), \(epochs) epochs, batch \(batchSize), ML-100K (rating ≥ 4), 10% held-out users (seed 42)"))
