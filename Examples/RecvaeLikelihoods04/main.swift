// 04-recvae-likelihoods.ipynb, exported by `swift-experiments export`: the notebook's code cells in order.
// Each cell's last expression is shown as the kernel shows it; magics are comments.
import Foundation
import Autograd
import NeuralNetworks
import Datasets
import Models
import Plots
import Notebook

// MARK: - Cell 1
// Parameters: papermill replaces them (`papermill in.ipynb out.ipynb -p multiVAEEpochs 50 -p seed 3`).
let multiVAEEpochs = 16
let recVAEEpochs = 8       // each is 3 encoder + 1 decoder passes
let seed: UInt64 = 7       // the seed of every model's initial weights and dropout masks

// MARK: - Cell 2
let ratings = try MovieLens.load(.ml100k)
let split = try ratings.implicit(minRating: 4).holdOutUsers(fraction: 0.1, seed: 42)
let hidden = 200                               // the papers: 600
let latent = 64                                // the papers: 200
let batchSize = 100
let stepsPerEpoch = (split.train.rowCount + batchSize - 1) / batchSize
let likelihoods = [Likelihood.multinomial, Likelihood.gaussian, Likelihood.logistic, Likelihood.focal(alpha: 0.25, gamma: 2)]
let likelihoodNames = ["multinomial", "gaussian", "logistic", "focal (α 0.25, γ 2)"]
show(split)

// MARK: - Cell 3
var multiVAEs: [MultiVAE] = []
var multiVAEHistories: [TrainingHistory] = []
for likelihood in likelihoods {
    let model = try MultiVAE(items: split.itemCount, hidden: hidden, latent: latent, dropout: 0.5,
                             likelihood: likelihood, seed: seed)
    let history = try model.fit(split.train, validation: split.validation, epochs: multiVAEEpochs, batchSize: batchSize,
                                optimizer: Adam(learningRate: 1e-3),
                                annealing: .linear(cap: 0.2, steps: multiVAEEpochs * stepsPerEpoch * 5 / 2),
                                metrics: [.ndcg(100)])
    multiVAEs.append(model)
    multiVAEHistories.append(history)
}

// MARK: - Cell 4
var recVAEs: [RecVAE] = []
var recVAEHistories: [TrainingHistory] = []
for likelihood in likelihoods {
    let model = try RecVAE(items: split.itemCount, hidden: hidden, latent: latent, dropout: 0.5, gamma: 0.005,
                           likelihood: likelihood, seed: seed)
    let history = try model.fit(split.train, validation: split.validation, epochs: recVAEEpochs, batchSize: batchSize,
                                encoderPasses: 3, decoderPasses: 1, metrics: [.ndcg(100)])
    recVAEs.append(model)
    recVAEHistories.append(history)
}
show(try recVAEHistories[0].plot("loss", "kl", "phase"))

// MARK: - Cell 5
let multiLines = Figure.lines((0..<likelihoods.count).map {
                                  LineSeries(name: likelihoodNames[$0], y: multiVAEHistories[$0].epochSeries("NDCG@100"),
                                             x: (1...multiVAEEpochs).map { Double($0) })
                              }, title: "Multi-VAE", xLabel: "epoch", yLabel: "validation NDCG@100")
let recLines = Figure.lines((0..<likelihoods.count).map {
                                LineSeries(name: likelihoodNames[$0], y: recVAEHistories[$0].epochSeries("NDCG@100"),
                                           x: (1...recVAEEpochs).map { Double($0) })
                            }, title: "RecVAE", xLabel: "epoch (3 encoder + 1 decoder passes)", yLabel: "validation NDCG@100")
show(Figure.panels([multiLines, recLines], columns: 2))

// MARK: - Cell 6
let metrics = [RankingMetric.ndcg(100), RankingMetric.ndcg(10), RankingMetric.recall(20), RankingMetric.recall(50)]
var rows: [[String]] = []
var multiNDCG: [Double] = []
var recNDCG: [Double] = []
for index in 0..<likelihoods.count {
    let multi = try multiVAEs[index].evaluate(split.test, metrics: metrics)
    let rec = try recVAEs[index].evaluate(split.test, metrics: metrics)
    multiNDCG.append(multi["NDCG@100"] ?? 0)
    recNDCG.append(rec["NDCG@100"] ?? 0)
    for (model, report) in [("Multi-VAE", multi), ("RecVAE", rec)] {
        rows.append([model, likelihoodNames[index]] + metrics.map { String(format: "%.4f", report[$0] ?? 0) })
    }
}
let shortNames = ["multi", "gauss", "logit", "focal"]
var multiBars = Figure(width: 360, height: 280, title: "Multi-VAE: test NDCG@100", xLabel: "likelihood", yLabel: "NDCG@100")
multiBars.bar(multiNDCG, labels: shortNames)
var recBars = Figure(width: 360, height: 280, title: "RecVAE: test NDCG@100", xLabel: "likelihood", yLabel: "NDCG@100")
recBars.bar(recNDCG, labels: shortNames)
show(Figure.panels([multiBars, recBars], columns: 2))

// MARK: - Cell 7
// The claim from our users' notes: MSE (Gaussian) beats BCE (logistic) for RecVAE.
let mse = recNDCG[1], bce = recNDCG[2]
print("RecVAE test NDCG@100: gaussian (MSE) \(String(format: "%.4f", mse)), logistic (BCE) \(String(format: "%.4f", bce)): "
      + (mse > bce ? "MSE beats BCE on this split" : "MSE does not beat BCE on this split"))
show(Table(columns: ["model", "likelihood", "NDCG@100", "NDCG@10", "Recall@20", "Recall@50"], rows: rows,
      caption: "ML-100K (rating ≥ 4), 10% held-out test users (seed 42), \(hidden)-\(latent); Multi-VAE \(multiVAEEpochs) epochs, RecVAE \(recVAEEpochs) epochs; Recall@k is RecBole's (hits / relevant)"))
