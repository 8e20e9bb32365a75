// 06-vae-mnist.ipynb, exported by `swift-experiments export`: the notebook's code cells in order.
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
let epochs = 10           // passes over the 4,500 training digits
let seed: UInt64 = 1      // the seed of every model's initial weights

// MARK: - Cell 2
let digits = try MNIST.loadDigits5k()
let split = try digits.shuffledSplit(testCount: 500, seed: 0)
print(split)
show(split.test)

// MARK: - Cell 3
let vae = try VAE(latent: 20, architecture: .multilayerPerceptron(hidden: 400), likelihood: .bernoulli, seed: seed)
let history = try vae.fit(split.train, validation: split.test, epochs: epochs, batchSize: 64,
                          optimizer: Adam(learningRate: 1e-3))
show(try history.plot("loss", "reconstruction", "kl"))

// MARK: - Cell 4
let terms = try vae.evaluate(split.test)
show(terms)

// MARK: - Cell 5
let inputs = try split.test.imageTensor(Array(0..<10))
show(Figure.imageGrid(rows: try [inputs.plotImages(height: 28, width: 28),
                        try vae.reconstruct(inputs).plotImages(height: 28, width: 28)],
                 rowLabels: ["input", "reconstruction"], title: "Test digits and their reconstructions"))

// MARK: - Cell 6
let samples = try vae.sample(count: 40, seed: 3)
show(Figure.imageGrid(try samples.plotImages(height: 28, width: 28), columns: 10, title: "Decoded prior samples z ~ N(0, I)"))

// MARK: - Cell 7
let vae2 = try VAE(latent: 2, architecture: .multilayerPerceptron(hidden: 400), likelihood: .bernoulli, seed: seed)
let history2 = try vae2.fit(split.train, epochs: epochs, batchSize: 64, optimizer: Adam(learningRate: 1e-3))
let means = try vae2.latentMeans(split.test.imageTensor()).scalars
var xs: [Double] = []
var ys: [Double] = []
for index in 0..<split.test.count {
    xs.append(Double(means[2 * index]))
    ys.append(Double(means[2 * index + 1]))
}
var latentMap = Figure(width: 600, height: 480, title: "Posterior means of the 500 test digits (2-D latent)",
                       xLabel: "μ₁", yLabel: "μ₂")
latentMap.scatter(x: xs, y: ys, labels: split.test.labels, classNames: (0...9).map { "digit \($0)" })
show(latentMap)

// MARK: - Cell 8
let positions: [Float] = [-2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0]
show(Figure.imageGrid(try vae2.latentGrid(values: positions).plotImages(height: 28, width: 28), columns: positions.count,
                 title: "Decoded z on a grid from −2 to 2 (z₁ left to right, z₂ down)", pixelScale: 1))

// MARK: - Cell 9
let terms2 = try vae2.evaluate(split.test)
show(terms2)

// MARK: - Cell 10
let cvae = try ConditionalVAE(classCount: 10, latent: 2, hidden: 400, seed: seed)
let cvaeHistory = try cvae.fit(split.train, epochs: epochs, batchSize: 64, optimizer: Adam(learningRate: 1e-3))
var classes: [Int] = []
for digit in 0...9 {
    for _ in 0..<8 { classes.append(digit) }
}
let drawn = try cvae.sample(classes: classes, seed: 5).plotImages(height: 28, width: 28)
var sampleRows: [[PlotImage]] = []
for digit in 0...9 {
    sampleRows.append((0..<8).map { drawn[digit * 8 + $0] })
}
show(Figure.imageGrid(rows: sampleRows, rowLabels: (0...9).map { "y = \($0)" }, title: "CVAE samples, one class per row"))

// MARK: - Cell 11
let cvaeTerms = try cvae.evaluate(split.test)
show(cvaeTerms)

// MARK: - Cell 12
let aae = try AdversarialAutoencoder(latent: 2, hidden: [512, 512], discriminatorHidden: [512, 512], seed: seed)
let aaeHistory = try aae.fit(split.train, validation: split.test, epochs: epochs, batchSize: 100)
show(try aaeHistory.plot("reconstruction", "discriminator", "generator"))

// MARK: - Cell 13
let codes = try aae.encode(split.test.imageTensor()).scalars
var codeXs: [Double] = []
var codeYs: [Double] = []
for index in 0..<split.test.count {
    codeXs.append(Double(codes[2 * index]))
    codeYs.append(Double(codes[2 * index + 1]))
}
var codeMap = Figure(width: 600, height: 480, title: "AAE codes of the 500 test digits", xLabel: "z₁", yLabel: "z₂")
codeMap.scatter(x: codeXs, y: codeYs, labels: split.test.labels, classNames: (0...9).map { "digit \($0)" })
show(codeMap)

// MARK: - Cell 14
func spread(_ values: [Double]) -> String {
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
    return "mean \(mean), standard deviation \(variance.squareRoot())"
}
print("z₁:", spread(codeXs))
print("z₂:", spread(codeYs))
print("discriminator loss on the test codes after each epoch:", aaeHistory.epochSeries("validationDiscriminator"))
show(try aae.evaluate(split.test))

// MARK: - Cell 15
show(Figure.imageGrid(try aae.sample(count: 40, seed: 3).plotImages(height: 28, width: 28), columns: 10,
                 title: "AAE: decoded prior samples z ~ N(0, I)"))
