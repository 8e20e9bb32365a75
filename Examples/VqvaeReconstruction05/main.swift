// 05-vqvae-reconstruction.ipynb, exported by `swift-experiments export`: the notebook's code cells in order.
// Each cell's last expression is shown as the kernel shows it; magics are comments.
import Foundation
import Autograd
import NeuralNetworks
import Datasets
import Models
import Plots
import Notebook

// MARK: - Cell 1
// Parameters: papermill replaces them (`papermill in.ipynb out.ipynb -p epochs 20 -p trainingImages 4500 -p seed 3`).
let trainingImages = 1500  // training digits (of 4,500)
let epochs = 3             // passes over them
let seed: UInt64 = 1       // the seed of every model's initial weights

// MARK: - Cell 2
let digits = try MNIST.loadDigits5k()
let split = try digits.shuffledSplit(testCount: 500, seed: 0)
let train = split.train.selecting(Array(0..<trainingImages))
print(train, split.test)
show(split.test)

// MARK: - Cell 3
let shown = Array(0..<10)
let inputs = try split.test.imageTensor(shown)
let model = try VQVAE(codeCount: 64, codeDimension: 16, commitmentCost: 0.25, residualBlocks: 0, seed: seed)
let optimizer = Adam(learningRate: 1e-3)
var rows = try [inputs.plotImages(height: 28, width: 28), model.reconstruct(inputs).plotImages(height: 28, width: 28)]
var rowLabels = ["input", "untrained"]
var perplexity: [Double] = []
for epoch in 1...3 {
    let history = try model.fit(train, epochs: 1, batchSize: 64, optimizer: optimizer)
    perplexity += try history.series("perplexity")
    rows.append(try model.reconstruct(inputs).plotImages(height: 28, width: 28))
    rowLabels.append("epoch \(epoch)")
}
show(Figure.imageGrid(rows: rows, rowLabels: rowLabels, title: "Ten test digits and their reconstructions after each epoch"))

// MARK: - Cell 4
let lossReport = try model.evaluate(split.test)
show(lossReport)

// MARK: - Cell 5
let emaModel = try VQVAE(codeCount: 64, codeDimension: 16, commitmentCost: 0.25,
                         codebookUpdate: .exponentialMovingAverage(decay: 0.99), residualBlocks: 0, seed: seed)
let emaHistory = try emaModel.fit(train, epochs: epochs, batchSize: 64, optimizer: Adam(learningRate: 1e-3))
let emaReport = try emaModel.evaluate(split.test)
show(emaReport)

// MARK: - Cell 6
var curve = Figure(title: "Perplexity of the codes chosen in each training batch (K = 64)", xLabel: "step", yLabel: "perplexity")
curve.plot(perplexity, name: "codebook trained by its loss")
curve.plot(try emaHistory.series("perplexity"), name: "EMA codebook (γ = 0.99)")
curve.smoothingWindow = 10
curve.markEpochs(stepsPerEpoch: (train.count + 63) / 64)
show(curve)

// MARK: - Cell 7
func usageChart(_ counts: [Int], title: String) -> Figure {
    var chart = Figure(width: 480, height: 300, title: title, xLabel: "code, most used first", yLabel: "test vectors")
    chart.bar(counts.sorted { $0 > $1 }.map { Double($0) })
    return chart
}
show(Figure.panels([usageChart(lossReport.codebook.counts, title: "codebook trained by its loss"),
               usageChart(emaReport.codebook.counts, title: "EMA codebook")],
              columns: 2, title: "Code usage on the 500 test digits"))

// MARK: - Cell 8
func fixed(_ value: Double, _ decimals: Int) -> String {
    let scale = pow(10.0, Double(decimals))
    return "\((value * scale).rounded() / scale)"
}
func summary(_ name: String, _ report: VQVAEEvaluation) -> [String] {
    return [name, fixed(Double(report.meanSquaredError), 5), fixed(Double(report.codebook.perplexity), 2),
            "\(report.codebook.usedCodeCount) of 64"]
}
show(Table(columns: ["codebook", "test MSE", "test perplexity", "codes used"],
      rows: [summary("trained by its loss", lossReport), summary("EMA (γ = 0.99)", emaReport)]))

// MARK: - Cell 9
var betaRows: [[String]] = []
for beta: Float in [0.05, 0.25, 2.0] {
    var report = lossReport
    if beta != 0.25 {
        let variant = try VQVAE(codeCount: 64, codeDimension: 16, commitmentCost: beta, residualBlocks: 0, seed: seed)
        _ = try variant.fit(train, epochs: epochs, batchSize: 64, optimizer: Adam(learningRate: 1e-3))
        report = try variant.evaluate(split.test)
    }
    betaRows.append(["\(beta)", fixed(Double(report.meanSquaredError), 5), fixed(Double(report.commitmentLoss), 5),
                     fixed(Double(report.codebook.perplexity), 2), "\(report.codebook.usedCodeCount)"])
}
show(Table(columns: ["β", "test MSE", "‖z_e − e_k‖² (commitment, before β)", "perplexity", "codes used"], rows: betaRows))

// MARK: - Cell 10
let grids = try model.codes(split.test.imageTensor([0, 1]))
let cells = grids.height * grids.width
for image in 0..<grids.count {
    print("test digit \(image) (label \(split.test.labels[image])):")
    for row in 0..<grids.height {
        let start = image * cells + row * grids.width
        print((start..<(start + grids.width)).map { String(grids.codes[$0]) }.joined(separator: "\t"))
    }
}
var mixed: [Int] = []
for position in 0..<cells {
    mixed.append(position < 3 * grids.width ? grids.codes[position] : grids.codes[cells + position])
}
let decoded = try model.decode(codes: grids.codes + mixed, height: grids.height, width: grids.width)
show(Figure.imageGrid(try decoded.plotImages(height: 28, width: 28), columns: 3,
                 captions: ["digit 0", "digit 1", "top of 0 + bottom of 1"], pixelScale: 3))
