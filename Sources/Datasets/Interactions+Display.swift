extension Interactions: CustomStringConvertible {
    /// One line: "ml-100k: 943 users × 1,682 items, 100,000 ratings".
    public var description: String {
        "\(name): \(formatted(userCount)) users × \(formatted(itemCount)) items, \(formatted(count)) ratings"
    }

    /// The Jupyter display bundle of the table's ``summary()``: `text/plain` and `text/html`.
    public func mimeBundle() -> [String: String] {
        summary().mimeBundle()
    }
}

extension TrainTestSplit: CustomStringConvertible {
    /// One line: "train 90,000 ratings, test 10,000 ratings (943 users × 1,682 items)".
    public var description: String {
        "train \(formatted(train.count)) ratings, test \(formatted(test.count)) ratings "
            + "(\(formatted(userCount)) users × \(formatted(itemCount)) items)"
    }
}

extension TrainValidationTestSplit: CustomStringConvertible {
    /// One line with the three row counts and the shared index space.
    public var description: String {
        "train \(formatted(train.count)) ratings, validation \(formatted(validation.count)), "
            + "test \(formatted(test.count)) (\(formatted(userCount)) users × \(formatted(itemCount)) items)"
    }
}

extension HeldOutUsersSplit: CustomStringConvertible {
    /// The table's rows as text: users per part, items, and the fold-in and target entries.
    public var description: String {
        rows.map { "\($0.0): \($0.1)" }.joined(separator: "\n")
    }

    /// The split as an HTML table.
    public var html: String {
        "<table class=\"swift-experiments-split\">\n"
            + rows.map { "<tr><th style=\"text-align:left\">\(escapeHTML($0.0))</th><td style=\"text-align:right\">\(escapeHTML($0.1))</td></tr>" }
                .joined(separator: "\n") + "\n</table>"
    }

    /// The Jupyter display bundle: `text/plain` and `text/html`.
    public func mimeBundle() -> [String: String] {
        ["text/plain": description, "text/html": html]
    }

    private var rows: [(String, String)] {
        [
            ("items", formatted(itemCount)),
            ("train users", "\(formatted(train.rowCount)) (\(formatted(train.entryCount)) interactions)"),
            ("validation users", "\(formatted(validation.userCount)) (fold-in \(formatted(validation.foldIn.entryCount)), "
                + "target \(formatted(validation.target.entryCount)))"),
            ("test users", "\(formatted(test.userCount)) (fold-in \(formatted(test.foldIn.entryCount)), "
                + "target \(formatted(test.target.entryCount)))"),
        ]
    }
}

extension FoldInUsers: CustomStringConvertible {
    /// `FoldInUsers(94 users, 1204 fold-in and 280 target interactions)`.
    public var description: String {
        "FoldInUsers(\(userCount) users, \(foldIn.entryCount) fold-in and \(target.entryCount) target interactions)"
    }
}

extension UserItemMatrix: CustomStringConvertible {
    /// `UserItemMatrix(754 × 1682, 44321 entries)`.
    public var description: String { "UserItemMatrix(\(rowCount) × \(columnCount), \(entryCount) entries)" }
}

extension ImageDataset: CustomStringConvertible {
    /// `ImageDataset("mnist_5k", 4500 images of 28×28)`.
    public var description: String { "ImageDataset(\(name.debugDescription), \(count) images of \(height)×\(width))" }
}

extension ImageSplit: CustomStringConvertible {
    /// `ImageSplit(train: 4500 images, test: 500 images)`.
    public var description: String { "ImageSplit(train: \(train.count) images, test: \(test.count) images)" }
}
