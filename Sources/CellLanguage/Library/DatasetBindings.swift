import Datasets

extension Interactions: CellExposed {
    static var cellTypeName: String { "Interactions" }
    var cellRichOutput: RichOutput? { RichOutput(data: mimeBundle()) }
}

extension InteractionsSummary: CellExposed {
    static var cellTypeName: String { "InteractionsSummary" }
    var cellRichOutput: RichOutput? { RichOutput(data: mimeBundle()) }
}

extension HeldOutUsersSplit: CellExposed {
    static var cellTypeName: String { "HeldOutUsersSplit" }
    var cellRichOutput: RichOutput? { RichOutput(data: mimeBundle()) }
}

extension FoldInUsers: CellExposed {
    static var cellTypeName: String { "FoldInUsers" }
    var cellDescription: String {
        "FoldInUsers(\(userCount) users, \(foldIn.entryCount) fold-in and \(target.entryCount) target interactions)"
    }
}

extension UserItemMatrix: CellExposed {
    static var cellTypeName: String { "UserItemMatrix" }
    var cellDescription: String { "UserItemMatrix(\(rowCount) × \(columnCount), \(entryCount) entries)" }
}

extension TrainTestSplit: CellExposed {
    static var cellTypeName: String { "TrainTestSplit" }
}

extension MovieLens.Variant: CellExposed {
    static var cellTypeName: String { "MovieLens.Variant" }
    var cellDescription: String { ".\(self)" }
}

extension BindingTable {
    /// Datasets: MovieLens, interactions and their splits, MNIST, image datasets and ranking metrics.
    static var datasetTypeBindings: [TypeBindings] {
        [movieLensBindings, movieLensVariantBindings, interactionsBindings, heldOutUsersSplitBindings, foldInUsersBindings,
         userItemMatrixBindings, trainTestSplitBindings, interactionsSummaryBindings]
            + imageDatasetTypeBindings + rankingTypeBindings
    }

    /// `MovieLens.load(.ml100k)` and `MovieLens.loadRatings(path:)`.
    static var movieLensBindings: TypeBindings {
        TypeBindings("MovieLens", summary: "Loaders for the MovieLens rating releases.", [
            FunctionBinding("load", kind: .staticMethod,
                            parameters: [.init(nil, "variant", .any("MovieLens.Variant"), documentation: "The release, e.g. `.ml100k`."),
                                         .init("directory", .any("String?"), defaultValue: .optional(nil),
                                               documentation: "The data folder; nil searches $SWIFT_EXPERIMENTS_DATA and .cache/data.")],
                            returns: "Interactions", summary: "Loads a MovieLens release from the data folder.",
                            discussion: "Tries RecBole atomic files, then the GroupLens folder, then the GroupLens zip.") { call in
                let variant = try call.argument(0, as: MovieLens.Variant.self)
                let directory = try call.optionalString(1)
                return .library(try call.library { try MovieLens.load(variant, directory: directory) })
            },
            FunctionBinding("loadRatings", kind: .staticMethod,
                            parameters: [.init("path", .string, documentation: "A u.data, ratings.dat or ratings.csv file.")],
                            returns: "Interactions", summary: "Loads a ratings file in any MovieLens layout.") { call in
                let path = try call.string(0)
                return .library(try call.library { try MovieLens.loadRatings(path: path) })
            },
            FunctionBinding("Variant", kind: .staticProperty, returns: "MovieLens.Variant.Type",
                            summary: "The MovieLens releases the loaders know.") { _ in .type("MovieLens.Variant") },
        ])
    }

    /// `.ml100k`, `.ml1m`, `.ml20m`, `.latestSmall`.
    static var movieLensVariantBindings: TypeBindings {
        TypeBindings("MovieLens.Variant", summary: "The MovieLens releases the loaders know.", [
            LibraryBinding.enumerationCase("ml100k", MovieLens.Variant.ml100k, summary: "100,000 ratings of 1,682 movies by 943 users."),
            LibraryBinding.enumerationCase("ml1m", MovieLens.Variant.ml1m, summary: "1,000,209 ratings of 3,706 movies by 6,040 users."),
            LibraryBinding.enumerationCase("ml20m", MovieLens.Variant.ml20m, summary: "20,000,263 ratings."),
            LibraryBinding.enumerationCase("latestSmall", MovieLens.Variant.latestSmall, summary: "The small \"latest\" release."),
        ])
    }

    /// The numbers of `ratings.summary()`.
    static var interactionsSummaryBindings: TypeBindings {
        TypeBindings("InteractionsSummary", summary: "Counts, density and rating distribution of an interactions table.", [
            LibraryBinding.property("density", of: InteractionsSummary.self, returns: "Double",
                                    summary: "The fraction of user × item pairs with a rating.") { .double($0.density) },
            LibraryBinding.property("meanRating", of: InteractionsSummary.self, returns: "Double",
                                    summary: "The mean rating.") { .double($0.meanRating) },
        ])
    }

    /// The parts of `holdOutUsers(fraction:seed:)`.
    static var heldOutUsersSplitBindings: TypeBindings {
        let split = HeldOutUsersSplit.self
        return TypeBindings("HeldOutUsersSplit", summary: "Train users, and validation and test users with fold-in and target items.", [
            LibraryBinding.property("train", of: split, returns: "UserItemMatrix", summary: "The training users' rows.") { .library($0.train) },
            LibraryBinding.property("validation", of: split, returns: "FoldInUsers", summary: "The validation users.") { .library($0.validation) },
            LibraryBinding.property("test", of: split, returns: "FoldInUsers", summary: "The test users.") { .library($0.test) },
            LibraryBinding.property("itemCount", of: split, returns: "Int", summary: "The number of items (matrix columns).") { .int($0.itemCount) },
        ])
    }

    /// Held-out users' fold-in and target matrices.
    static var foldInUsersBindings: TypeBindings {
        let users = FoldInUsers.self
        return TypeBindings("FoldInUsers", summary: "Held-out users: items the model sees and items it must find.", [
            LibraryBinding.property("foldIn", of: users, returns: "UserItemMatrix", summary: "The items given to the model.") { .library($0.foldIn) },
            LibraryBinding.property("target", of: users, returns: "UserItemMatrix", summary: "The items to find.") { .library($0.target) },
            LibraryBinding.property("userCount", of: users, returns: "Int", summary: "The number of users.") { .int($0.userCount) },
        ])
    }

    /// A sparse matrix's shape.
    static var userItemMatrixBindings: TypeBindings {
        let matrix = UserItemMatrix.self
        return TypeBindings("UserItemMatrix", summary: "A sparse users × items matrix (CSR).", [
            LibraryBinding.property("rowCount", of: matrix, returns: "Int", summary: "The number of rows (users).") { .int($0.rowCount) },
            LibraryBinding.property("columnCount", of: matrix, returns: "Int", summary: "The number of columns (items).") { .int($0.columnCount) },
            LibraryBinding.property("entryCount", of: matrix, returns: "Int", summary: "The number of stored entries.") { .int($0.entryCount) },
            FunctionBinding("transposed", kind: .method, returns: "UserItemMatrix", summary: "The items × users matrix.") { call in
                .library(try call.receiver(as: matrix).transposed())
            },
        ])
    }

    /// The halves of `randomSplit(testFraction:seed:)`.
    static var trainTestSplitBindings: TypeBindings {
        let split = TrainTestSplit.self
        return TypeBindings("TrainTestSplit", summary: "Train and test interactions over one index space.", [
            LibraryBinding.property("train", of: split, returns: "Interactions", summary: "The training interactions.") { .library($0.train) },
            LibraryBinding.property("test", of: split, returns: "Interactions", summary: "The test interactions.") { .library($0.test) },
            LibraryBinding.property("userCount", of: split, returns: "Int", summary: "The number of users.") { .int($0.userCount) },
            LibraryBinding.property("itemCount", of: split, returns: "Int", summary: "The number of items.") { .int($0.itemCount) },
        ])
    }
}
