import Testing
@testable import BindingGenerator

@Suite struct APICollectorTests {
    static let source = """
        /// A thing.
        ///
        /// Longer text.
        public struct Thing: Equatable {
            /// Its size.
            public var size: Int
            public private(set) var count = 0
            let hidden: Int
            /// Makes one.
            ///
            /// - Parameters:
            ///   - size: How big.
            ///   - seed: The seed, used for
            ///     the draw.
            /// - Returns: nothing really.
            public init(size: Int = 3, seed: UInt64 = 0) { self.size = size; hidden = 0 }
            public mutating func grow(by amount: Int) throws {}
            public static func + (left: Thing, right: Thing) -> Thing { left }
            public func map<T: Layer>(_ layer: T, _ body: (T) throws -> [Float]) rethrows {}
            public enum Kind: String, CaseIterable { case small, large }
            public func kind() -> Kind { .small }
        }
        public protocol Layer: AnyObject { func callAsFunction(_ x: Float) -> Float }
        extension Thing { public func describe(_ items: String...) -> String { "" } }
        public enum Shape { case circle(radius: Double), square(Double), point }
        func internalFunction() {}
        public func free(_ x: inout Int) {}
        """

    @Test func collectsTypesMembersAndDocumentation() throws {
        let api = try APICollector(files: [.init(module: "Lib", path: "Thing.swift", text: APICollectorTests.source)]).collect()
        let thing = try #require(api.type(named: "Thing"))
        #expect(thing.kind == .structure)
        #expect(thing.documentation.summary == "A thing.")
        #expect(thing.documentation.discussion == "Longer text.")
        #expect(thing.members.map(\.selector) == ["size", "count", "init(size:seed:)", "grow(by:)", "+(_:_:)", "map(_:_:)",
                                                   "kind()", "describe(_:)"])
        let initializer = try #require(thing.members.first { $0.kind == .initializer })
        #expect(initializer.documentation.parameters == ["size": "How big.", "seed": "The seed, used for the draw."])
        #expect(initializer.documentation.returns == "nothing really.")
        #expect(initializer.parameters.map(\.defaultValue) == ["3", "0"])
        #expect(thing.members.first { $0.name == "size" }?.isSettable == true)
        #expect(thing.members.first { $0.name == "count" }?.isSettable == false)
        #expect(thing.members.first { $0.name == "count" }?.returnType == .named("Int", arguments: []))
        #expect(thing.members.first { $0.name == "+" }?.isOperator == true)
        #expect(thing.members.first { $0.name == "+" }?.parameters.map(\.label) == [nil, nil])
        #expect(thing.members.first { $0.name == "kind" }?.returnType == .named("Thing.Kind", arguments: []))
        #expect(thing.members.first { $0.name == "describe" }?.parameters.first?.isVariadic == true)
        #expect(api.type(named: "Thing.Kind")?.rawType == "String")
        let shape = try #require(api.type(named: "Shape"))
        #expect(shape.cases.map(\.name) == ["circle", "square", "point"])
        #expect(shape.cases[0].associatedValues.map(\.label) == ["radius"])
        #expect(api.functions.map(\.selector) == ["free(_:)"])
        #expect(api.functions[0].parameters[0].isInOut)
    }

    @Test func documentationKeepsParagraphsAndParameterLists() {
        let documentation = Documentation(lines: ["Sums.", "", "Details here.", "", "- Parameter x: The input.", "- Returns: The sum."])
        #expect(documentation.summary == "Sums.")
        #expect(documentation.discussion == "Details here.")
        #expect(documentation.parameters == ["x": "The input."])
        #expect(documentation.returns == "The sum.")
    }
}
