/// A sparse users × items matrix in compressed sparse row (CSR) form: row `u`'s entries are
/// `columnIndices[rowOffsets[u]..<rowOffsets[u + 1]]` with `values` alongside, columns ascending.
///
/// The models read it a batch of rows at a time (``denseRows(_:)``) to build their input tensors.
public struct UserItemMatrix: Sendable, Equatable {
    /// The number of rows (users).
    public let rowCount: Int
    /// The number of columns (items).
    public let columnCount: Int
    /// `rowCount + 1` offsets into `columnIndices` and `values`; the last is the entry count.
    public let rowOffsets: [Int]
    /// The column (item) of each stored entry, ascending within a row.
    public let columnIndices: [Int]
    /// The value of each stored entry.
    public let values: [Float]

    /// Builds a matrix from (row, column, value) triplets; duplicates of one cell keep the last value.
    ///
    /// Throws ``DatasetsError/invalidArgument(_:)`` when the arrays differ in count or an index is
    /// outside the shape.
    ///
    /// - Parameters:
    ///   - rowCount: The number of rows (users).
    ///   - columnCount: The number of columns (items).
    ///   - rows: The row of each entry, in `0..<rowCount`.
    ///   - columns: The column of each entry, in `0..<columnCount`.
    ///   - values: The value of each entry.
    public init(rowCount: Int, columnCount: Int, rows: [Int], columns: [Int], values: [Float]) throws {
        guard rowCount >= 0, columnCount >= 0, rows.count == values.count, columns.count == values.count else {
            throw DatasetsError.invalidArgument(
                "UserItemMatrix: shape \(rowCount)×\(columnCount) with \(rows.count) rows, \(columns.count) columns, "
                    + "\(values.count) values (counts must match)")
        }
        if let row = rows.first(where: { $0 < 0 || $0 >= rowCount }) {
            throw DatasetsError.invalidArgument("UserItemMatrix: row \(row) is outside 0..<\(rowCount)")
        }
        if let column = columns.first(where: { $0 < 0 || $0 >= columnCount }) {
            throw DatasetsError.invalidArgument("UserItemMatrix: column \(column) is outside 0..<\(columnCount)")
        }
        self.init(unchecked: rowCount, columnCount: columnCount, rows: rows, columns: columns, values: values)
    }

    /// Builds a matrix from triplets the caller has already checked.
    init(unchecked rowCount: Int, columnCount: Int, rows: [Int], columns: [Int], values: [Float]) {
        var perRow = Array(repeating: [(column: Int, value: Float)](), count: rowCount)
        for index in rows.indices { perRow[rows[index]].append((columns[index], values[index])) }
        var offsets = [0]
        var columnIndices = [Int]()
        var storedValues = [Float]()
        columnIndices.reserveCapacity(values.count)
        storedValues.reserveCapacity(values.count)
        for row in perRow {
            // Stable sort, then keep the last of each run of equal columns.
            let sorted = row.enumerated().sorted { ($0.element.column, $0.offset) < ($1.element.column, $1.offset) }
            for (position, entry) in sorted.enumerated()
            where position + 1 == sorted.count || sorted[position + 1].element.column != entry.element.column {
                columnIndices.append(entry.element.column)
                storedValues.append(entry.element.value)
            }
            offsets.append(columnIndices.count)
        }
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.rowOffsets = offsets
        self.columnIndices = columnIndices
        self.values = storedValues
    }

    /// The number of stored entries.
    public var entryCount: Int { values.count }

    /// The columns stored in `row`, ascending.
    ///
    /// - Parameter row: The row, in `0..<rowCount`.
    public func columns(inRow row: Int) -> ArraySlice<Int> {
        columnIndices[rowOffsets[row]..<rowOffsets[row + 1]]
    }

    /// The values stored in `row`, aligned with ``columns(inRow:)``.
    ///
    /// - Parameter row: The row, in `0..<rowCount`.
    public func values(inRow row: Int) -> ArraySlice<Float> {
        values[rowOffsets[row]..<rowOffsets[row + 1]]
    }

    /// The given rows as one dense row-major `[rows.count × columnCount]` array, zeros elsewhere.
    ///
    /// - Parameter rows: Row indices, each in `0..<rowCount`, in the order wanted.
    public func denseRows<Rows: Collection>(_ rows: Rows) -> [Float] where Rows.Element == Int {
        var dense = [Float](repeating: 0, count: rows.count * columnCount)
        for (position, row) in rows.enumerated() {
            let base = position * columnCount
            for entry in rowOffsets[row]..<rowOffsets[row + 1] { dense[base + columnIndices[entry]] = values[entry] }
        }
        return dense
    }

    /// The rows selected by `rows`, in that order, as a new matrix (each row's entries copied as stored).
    ///
    /// - Parameter rows: Row indices, each in `0..<rowCount`; repeats allowed.
    public func selectingRows(_ rows: [Int]) -> UserItemMatrix {
        var offsets = [0]
        offsets.reserveCapacity(rows.count + 1)
        for row in rows { offsets.append(offsets[offsets.count - 1] + rowOffsets[row + 1] - rowOffsets[row]) }
        var selectedColumns = [Int](), selectedValues = [Float]()
        selectedColumns.reserveCapacity(offsets[rows.count])
        selectedValues.reserveCapacity(offsets[rows.count])
        for row in rows {
            selectedColumns += columnIndices[rowOffsets[row]..<rowOffsets[row + 1]]
            selectedValues += values[rowOffsets[row]..<rowOffsets[row + 1]]
        }
        return UserItemMatrix(rowCount: rows.count, columnCount: columnCount, rowOffsets: offsets,
                              columnIndices: selectedColumns, values: selectedValues)
    }

    /// A matrix from CSR arrays that already hold its invariants (offsets from 0, columns ascending
    /// and distinct within each row).
    private init(rowCount: Int, columnCount: Int, rowOffsets: [Int], columnIndices: [Int], values: [Float]) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.rowOffsets = rowOffsets
        self.columnIndices = columnIndices
        self.values = values
    }
}

extension Interactions {
    /// The users × items matrix of this table (every user index is a row, even one without ratings);
    /// with `binary: true` every stored value is 1.
    ///
    /// - Parameter binary: Store ones instead of ratings.
    public func matrix(binary: Bool = false) -> UserItemMatrix {
        UserItemMatrix(unchecked: userCount, columnCount: itemCount, rows: userIndices, columns: itemIndices,
                       values: binary ? Array(repeating: 1, count: count) : ratings)
    }
}

extension UserItemMatrix {
    /// The items × users matrix (for item-based models such as I-AutoRec, whose rows are items).
    ///
    /// A counting sort: entries are visited row by row, so each column's list gets its rows ascending.
    public func transposed() -> UserItemMatrix {
        var offsets = [Int](repeating: 0, count: columnCount + 1)
        for column in columnIndices { offsets[column + 1] += 1 }
        for column in 0..<columnCount { offsets[column + 1] += offsets[column] }
        var next = offsets
        var transposedColumns = [Int](repeating: 0, count: entryCount)
        var transposedValues = [Float](repeating: 0, count: entryCount)
        for row in 0..<rowCount {
            for entry in rowOffsets[row]..<rowOffsets[row + 1] {
                let column = columnIndices[entry]
                transposedColumns[next[column]] = row
                transposedValues[next[column]] = values[entry]
                next[column] += 1
            }
        }
        return UserItemMatrix(rowCount: columnCount, columnCount: rowCount, rowOffsets: offsets,
                              columnIndices: transposedColumns, values: transposedValues)
    }
}
