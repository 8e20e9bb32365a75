// 02-autorec-masking.ipynb, exported by `swift-experiments export`: the notebook's code cells in order.
// Each cell's last expression is shown as the kernel shows it; magics are comments.
import Foundation
import Autograd
import NeuralNetworks
import Datasets
import Models
import Plots
import Notebook

// MARK: - Cell 1
// Parameters: papermill replaces them (`papermill in.ipynb out.ipynb -p epochs 50 -p seed 3`).
let epochs = 25        // passes over the training items
let seed: UInt64 = 1   // the seed of every model's initial weights and dropout masks

// MARK: - Cell 2
let ratings = try MovieLens.load(.ml100k)
show(ratings.summary())

// MARK: - Cell 3
let split = try ratings.randomSplit(testFraction: 0.1, seed: 42)
let cells = split.userCount * split.itemCount
print("\(split.userCount) users × \(split.itemCount) items = \(cells) cells")
print("train: \(split.train.count) ratings, test: \(split.test.count) ratings")
show(print("observed in train: " + String(format: "%.1f%%", 100.0 * Double(split.train.count) / Double(cells)) + " of the matrix"))

// MARK: - Cell 4
// One item rated by three of eight users (0 = not rated), and what the network reconstructs.
let row = [5.0, 0.0, 0.0, 3.0, 0.0, 4.0, 0.0, 0.0]
let reconstruction = [4.6, 3.8, 3.1, 3.4, 4.0, 3.9, 2.7, 3.5]
let mask = row.map { $0 != 0 ? 1.0 : 0.0 }            // d2l: torch.sign(input)
let masked = (0..<row.count).map { mask[$0] * (reconstruction[$0] - row[$0]) }
let unmasked = (0..<row.count).map { reconstruction[$0] - row[$0] }
let labels = row.map { $0 == 0 ? "?" : "\(Int($0))" }     // each user's rating, ? = missing

var withMask = Figure(width: 360, height: 260, title: "masked: m * (h - r)", xLabel: "user's rating (? = missing)", yLabel: "gradient")
withMask.bar(masked, labels: labels)
var withoutMask = Figure(width: 360, height: 260, title: "unmasked: h - r", xLabel: "user's rating (? = missing)", yLabel: "gradient")
withoutMask.bar(unmasked, labels: labels)
show(Figure.panels([withMask, withoutMask], columns: 2))

// MARK: - Cell 5
let maskedModel = try AutoRec(users: split.userCount, items: split.itemCount, orientation: .itemBased,
                              hidden: 500, dropout: 0.05, masksUnobserved: true, seed: seed)
let maskedHistory = try maskedModel.fit(split.train, validation: split.test, epochs: epochs, batchSize: 256,
                                        optimizer: Adam(learningRate: 0.002, weightDecay: 1e-5))
show(try maskedHistory.plot("loss", "RMSE"))

// MARK: - Cell 6
let unmaskedModel = try AutoRec(users: split.userCount, items: split.itemCount, orientation: .itemBased,
                                hidden: 500, dropout: 0.05, masksUnobserved: false, seed: seed)
let unmaskedHistory = try unmaskedModel.fit(split.train, validation: split.test, epochs: epochs, batchSize: 256,
                                            optimizer: Adam(learningRate: 0.002, weightDecay: 1e-5))
show(try unmaskedHistory.plot("loss", "RMSE"))

// MARK: - Cell 7
let epochAxis = (1...epochs).map { Double($0) }
show(Figure.lines([LineSeries(name: "masked (paper)", y: maskedHistory.epochSeries("RMSE"), x: epochAxis),
              LineSeries(name: "unmasked", y: unmaskedHistory.epochSeries("RMSE"), x: epochAxis)],
             title: "Test RMSE after each epoch", xLabel: "epoch", yLabel: "RMSE"))

// MARK: - Cell 8
let trainRatings = split.train.ratings.map { Double($0) }
let testRatings = split.test.ratings.map { Double($0) }
let meanRating = trainRatings.reduce(0, +) / Double(trainRatings.count)
func constantRMSE(_ prediction: Double) -> Double {
    let squares = testRatings.map { ($0 - prediction) * ($0 - prediction) }
    return (squares.reduce(0, +) / Double(squares.count)).squareRoot()
}
print("predict the training mean \(String(format: "%.3f", meanRating)) everywhere: RMSE \(String(format: "%.4f", constantRMSE(meanRating)))")
show(print("predict 0, clipped to 1, everywhere:              RMSE \(String(format: "%.4f", constantRMSE(1)))"))

// MARK: - Cell 9
let trainMatrix = split.train.matrix().transposed()
let itemRows = try SparseMatrix(rowCount: trainMatrix.rowCount, columnCount: trainMatrix.columnCount,
                                rowOffsets: trainMatrix.rowOffsets, columnIndices: trainMatrix.columnIndices,
                                values: trainMatrix.values).densified()
show(itemRows.shape)

// MARK: - Cell 10
/// I-AutoRec: h(r) = W · sigmoid(V r + μ) + b, with dropout on the hidden units in training, N(0, 0.01²) weights.
final class ItemAutoRec: Module {
    let encoder: Linear
    let decoder: Linear
    let dropout: Dropout

    init(users: Int, hidden: Int, dropout probability: Float, seed: UInt64) throws {
        var generator = RandomGenerator(seed: seed)
        encoder = try Linear(users, hidden, weightInitializer: .normal(standardDeviation: 0.01), generator: &generator)
        decoder = try Linear(hidden, users, weightInitializer: .normal(standardDeviation: 0.01), generator: &generator)
        dropout = Dropout(probability: probability, seed: seed)
    }

    func callAsFunction(_ rows: Tensor) throws -> Tensor {
        try decoder(dropout(encoder(rows).sigmoid()))
    }
}

/// d2l's masked loss, ½ · mean((prediction ⊙ sign(input) − input)²): missing entries (0) neither count nor pass gradient.
func maskedLoss(prediction: Tensor, input: Tensor) throws -> Tensor {
    let mask = input.sign()
    return try (prediction * mask - input).squared().mean() * 0.5
}

let handModel = try ItemAutoRec(users: split.userCount, hidden: 500, dropout: 0.05, seed: seed)
show(handModel)

// MARK: - Cell 11
let handOptimizer = Adam(learningRate: 0.002, weightDecay: 1e-5)
var shuffler = SeededGenerator(seed: 2)
var handLosses: [Double] = []
for _ in 1...epochs {
    for batch in shuffler.shuffledBatches(count: split.itemCount, batchSize: 256) {
        let input = try itemRows.indexSelect(alongAxis: 0, indices: batch)
        let (loss, gradients) = try valueAndGradient(of: handModel) { model in
            try maskedLoss(prediction: model(input), input: input)
        }
        try handOptimizer.update(handModel, along: gradients)
        handLosses.append(Double(loss.scalar))
    }
}
show(Figure.lines([LineSeries(name: "written in cells", y: handLosses),
              LineSeries(name: "library AutoRec", y: maskedHistory.stepSeries("loss"))],
             title: "Training loss per step", xLabel: "step", yLabel: "masked loss"))

// MARK: - Cell 12
handModel.eval()
let itemReconstructions = try withoutGradient { try handModel(itemRows) }
let testPositions = zip(split.test.itemIndices, split.test.userIndices).map { item, user in item * split.userCount + user }
let handPredictions = try itemReconstructions.reshaped(to: [split.itemCount * split.userCount])
    .indexSelect(alongAxis: 0, indices: testPositions).clamped(minimum: 1, maximum: 5)
let handErrors = try handPredictions - Tensor(split.test.ratings)
let handRMSE = Double(try handErrors.squared().mean().squareRoot().scalar)
let handMAE = Double(handErrors.abs().mean().scalar)
let libraryRMSE = try maskedModel.evaluate(split.test, given: split.train)["RMSE"]!
print("test RMSE written in cells: \(String(format: "%.4f", handRMSE)), library AutoRec: \(String(format: "%.4f", libraryRMSE))")
print("difference: \(String(format: "%.4f", abs(handRMSE - libraryRMSE)))")
// Trained as long as the paper's protocol (20+ epochs), the two land within 0.01; a short papermill run need not.
if epochs >= 20 {
    precondition(abs(handRMSE - libraryRMSE) <= 0.01, "the hand-written I-AutoRec should land within 0.01 of the library's")
}

// MARK: - Cell 13
let maskedScores = try maskedModel.evaluate(split.test, given: split.train)
let unmaskedScores = try unmaskedModel.evaluate(split.test, given: split.train)
func cell(_ value: Double?) -> String { String(format: "%.4f", value ?? Double.nan) }
show(Table(columns: ["model", "loss over", "epochs", "test RMSE", "test MAE"],
      rows: [["I-AutoRec (masked, paper)", "observed ratings", "\(epochs)", cell(maskedScores["RMSE"]), cell(maskedScores["MAE"])],
             ["I-AutoRec written in cells (mask by sign)", "observed ratings", "\(epochs)", cell(handRMSE), cell(handMAE)],
             ["I-AutoRec (unmasked)", "every cell, missing = 0", "\(epochs)", cell(unmaskedScores["RMSE"]), cell(unmaskedScores["MAE"])],
             ["constant: training mean", "–", "–", cell(constantRMSE(meanRating)), "–"],
             ["constant: 1 (clipped 0)", "–", "–", cell(constantRMSE(1)), "–"]],
      caption: "MovieLens 100K, random 90/10 split (seed 42), hidden 500, dropout 0.05, Adam 0.002, weight decay 1e-5"))
