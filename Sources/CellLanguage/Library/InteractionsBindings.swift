import Datasets

extension BindingTable {
    /// `Interactions`: counts, summary, implicit feedback, k-core filtering and splits.
    static var interactionsBindings: TypeBindings {
        let interactions = Interactions.self
        return TypeBindings("Interactions", summary: "A table of user–item ratings; as a cell's value, its summary as an HTML table.", [
            LibraryBinding.property("count", of: interactions, returns: "Int", summary: "The number of ratings.") { .int($0.count) },
            LibraryBinding.property("userCount", of: interactions, returns: "Int", summary: "The number of users.") { .int($0.userCount) },
            LibraryBinding.property("itemCount", of: interactions, returns: "Int", summary: "The number of items.") { .int($0.itemCount) },
            LibraryBinding.property("name", of: interactions, returns: "String", summary: "The dataset's name.") { .string($0.name) },
            LibraryBinding.property("ratings", of: interactions, returns: "[Float]", summary: "The rating of each row.") {
                LibraryConversion.array($0.ratings)
            },
            FunctionBinding("summary", kind: .method, returns: "InteractionsSummary",
                            summary: "Users, items, ratings, density, rating histogram and activity per user and item.") { call in
                .library(try call.receiver(as: interactions).summary())
            },
            FunctionBinding("implicit", kind: .method,
                            parameters: [.init("minRating", .double, documentation: "The lowest rating kept (Liang et al. use 4).")],
                            returns: "Interactions",
                            summary: "Implicit feedback: keeps ratings of at least `minRating` as ones and renumbers users and items.") { call in
                .library(try call.receiver(as: interactions).implicit(minRating: Float(try call.double(0))))
            },
            FunctionBinding("kCore", kind: .method,
                            parameters: [.init("userMinimum", .int, documentation: "The fewest ratings a user keeps."),
                                         .init("itemMinimum", .int, documentation: "The fewest ratings an item keeps.")],
                            returns: "Interactions",
                            summary: "Drops users and items with too few ratings until all meet their minimum.") { call in
                .library(try call.receiver(as: interactions).kCore(userMinimum: try call.int(0), itemMinimum: try call.int(1)))
            },
            FunctionBinding("compacted", kind: .method, returns: "Interactions",
                            summary: "Drops users and items without ratings and renumbers the rest.") { call in
                .library(try call.receiver(as: interactions).compacted())
            },
            FunctionBinding("holdOutUsers", kind: .method,
                            parameters: [.init("fraction", .double, defaultValue: .double(0.1),
                                               documentation: "The share of users in each of validation and test."),
                                         .init("targetFraction", .double, defaultValue: .double(0.2),
                                               documentation: "The share of a held-out user's items to find."),
                                         .init("minimumForSplit", .int, defaultValue: .int(5),
                                               documentation: "Users with fewer items keep all of them as fold-in."),
                                         .init("seed", .int, documentation: "The seed of the user permutation.")],
                            returns: "HeldOutUsersSplit",
                            summary: "Holds out users as in Liang et al. (2018): train users, and validation and test users with fold-in and target items.") { call in
                let table = try call.receiver(as: interactions)
                let fraction = try call.double(0), targetFraction = try call.double(1)
                let minimum = try call.int(2), seed = try call.int(3)
                return .library(try call.library {
                    try table.holdOutUsers(fraction: fraction, targetFraction: targetFraction, minimumForSplit: minimum, seed: seed)
                })
            },
            FunctionBinding("randomSplit", kind: .method,
                            parameters: [.init("testFraction", .double, defaultValue: .double(0.1), documentation: "The share of ratings in test."),
                                         .init("seed", .int, documentation: "The seed of the draw.")],
                            returns: "TrainTestSplit", summary: "A random split of the ratings into train and test.") { call in
                let table = try call.receiver(as: interactions)
                let fraction = try call.double(0), seed = try call.int(1)
                return .library(try call.library { try table.randomSplit(testFraction: fraction, seed: seed) })
            },
            FunctionBinding("matrix", kind: .method,
                            parameters: [.init("binary", .bool, defaultValue: .bool(false), documentation: "Store ones instead of ratings.")],
                            returns: "UserItemMatrix", summary: "The ratings as a sparse users × items matrix.") { call in
                .library(try call.receiver(as: interactions).matrix(binary: try call.bool(0)))
            },
        ])
    }
}
