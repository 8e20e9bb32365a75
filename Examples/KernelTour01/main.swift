// 01-kernel-tour.ipynb, exported by `swift-experiments export`: the notebook's code cells in order.
// Each cell's last expression is shown as the kernel shows it; magics are comments.
import Foundation
import Autograd
import NeuralNetworks
import Datasets
import Models
import Plots
import Notebook

// MARK: - Cell 1
let answer = 6 * 7
show(answer)

// MARK: - Cell 2
let greeting = "Hello, \("Jupyter")"
show(greeting)

// MARK: - Cell 3
var squares = (1...5).map { $0 * $0 }
squares.append(36)
show(squares)

// MARK: - Cell 4
let ratings = ["Alien": 4.5, "Heat": 3.0]
show(ratings["Alien"])

// MARK: - Cell 5
func mean(_ values: [Double]) -> Double {
    values.reduce(0, +) / Double(values.count)
}

for (index, value) in [2.0, 4.0, 9.0].enumerated() {
    print("step \(index): \(value)")
}
show(mean([2, 4, 9]))

// MARK: - Cell 6
show(print("warnings go to standard error", to: &standardError))

// MARK: - Cell 7
// (fails on purpose in the notebook)
// let total = answer + modle

// MARK: - Cell 8
// (fails on purpose in the notebook)
// squares[10]

// MARK: - Cell 9
show(answer + squares.count)

// MARK: - Cell 10
var figure = Figure(width: 640, height: 360, title: "A noisy loss curve", xLabel: "step", yLabel: "loss")
let steps = Array(0..<400)
let loss = steps.map { step in 2.0 * exp(-Double(step) / 120.0) + 0.15 * sin(Double(step) * 0.7) * exp(-Double(step) / 300.0) + 0.1 }
figure.smoothingWindow = 25
figure.plot(loss, name: "training loss")
show(figure)

// MARK: - Cell 11
show(Table(columns: ["model", "NDCG@100", "Recall@20"], rows: [["Multi-DAE", "0.419", "0.387"], ["Multi-VAE", "0.426", "0.395"]],
      caption: "Reported by Liang et al. (2018), Table 2, on ML-20M (not run here)"))

// MARK: - Cell 12
// (a kernel magic)
// %who
