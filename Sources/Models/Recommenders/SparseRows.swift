import Autograd
import Datasets
import NeuralNetworks

/// Mini-batch inputs for autoencoders over sparse user rows: the CSR rows of a batch, optionally
/// L2-normalised per row and with input dropout applied to the stored entries (zeros stay zeros,
/// so this equals dense dropout on the normalised row), and the dense targets.
struct SparseRows {
    /// The batch's rows, as stored (targets of the reconstruction).
    let matrix: UserItemMatrix

    init(_ source: UserItemMatrix, rows: [Int]) {
        matrix = source.selectingRows(rows)
    }

    init(_ matrix: UserItemMatrix) {
        self.matrix = matrix
    }

    /// The rows as a dense `[rows, columns]` tensor.
    func dense() throws -> Tensor {
        try Tensor(shape: [matrix.rowCount, matrix.columnCount], scalars: matrix.denseRows(0..<matrix.rowCount))
    }

    /// The rows as a sparse matrix, each divided by its L2 norm when `normalized`, then with each
    /// stored entry zeroed with probability `dropout` and the survivors scaled by `1 / (1 − dropout)`.
    func sparseInput(normalized: Bool, dropout: Float, generator: inout RandomGenerator) throws -> SparseMatrix {
        var values = matrix.values
        if normalized {
            for row in 0..<matrix.rowCount {
                let range = matrix.rowOffsets[row]..<matrix.rowOffsets[row + 1]
                var squares: Float = 0
                for entry in range { squares += values[entry] * values[entry] }
                let norm = max(squares.squareRoot(), 1e-12)
                for entry in range { values[entry] /= norm }
            }
        }
        if dropout > 0 {
            let keep = 1 - dropout
            for entry in values.indices {
                values[entry] = generator.nextUnitFloat() < dropout ? 0 : values[entry] / keep
            }
        }
        return try SparseMatrix(rowCount: matrix.rowCount, columnCount: matrix.columnCount,
                                rowOffsets: matrix.rowOffsets, columnIndices: matrix.columnIndices, values: values)
    }
}

extension SparseMatrix {
    /// The same matrix without its stored zeros (the observed entries of a rating matrix).
    func nonzeroEntries() throws -> SparseMatrix {
        guard values.contains(0) else { return self }
        var offsets = [0], columns = [Int](), kept = [Float]()
        for row in 0..<rowCount {
            for entry in rowOffsets[row]..<rowOffsets[row + 1] where values[entry] != 0 {
                columns.append(columnIndices[entry])
                kept.append(values[entry])
            }
            offsets.append(kept.count)
        }
        return try SparseMatrix(rowCount: rowCount, columnCount: columnCount, rowOffsets: offsets,
                                columnIndices: columns, values: kept)
    }
}

/// `input · Wᵀ + b` for a sparse input and a `Linear` layer, through the CSR × dense product
/// (the first layer of an autoencoder over thousands of items, where inputs are mostly zeros).
func sparseLinear(_ input: SparseMatrix, _ layer: Linear) throws -> Tensor {
    var output = try input.matmul(layer.weight, transposingDense: true)
    if let bias = layer.bias { output = try output + bias }
    return output
}

/// Splits `0..<count` into consecutive chunks of at most `size`.
func chunks(count: Int, size: Int) -> [Range<Int>] {
    stride(from: 0, to: count, by: max(size, 1)).map { $0..<min($0 + max(size, 1), count) }
}
