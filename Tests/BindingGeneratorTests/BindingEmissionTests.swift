import Testing
@testable import BindingGenerator

@Suite struct BindingEmissionTests {
    private func emitted(_ source: String, type name: String) throws -> String {
        let api = try APICollector(files: [.init(module: "Lib", path: "File.swift", text: source)]).collect()
        let type = try #require(api.type(named: name))
        return try TypeBindingEmission(api: api, type: type, members: type.members, bindsCases: true).emit()
    }

    @Test func argumentsAreConvertedByDeclaredTypeWithDefaultsCopied() throws {
        let text = try emitted("""
            public final class Model {
                public init(items: Int, rate: Float = 1e-3, names: [String] = [], generator: inout Generator) throws {}
                public func fit(_ data: [Float], epochs: Int = 10, validate: ((Int) throws -> Double)? = nil) -> [String: Double] { [:] }
            }
            public struct Generator {}
            """, type: "Model")
        #expect(text.contains("ParameterBinding(\"rate\", \"rate\", .float, default: \"1e-3\")"))
        #expect(text.contains("let rate: Float = try invocation.isGiven(1) ? invocation.argument(1) as Float : 1e-3"))
        #expect(text.contains("var generator: Generator = try invocation.argument(3)"))
        #expect(text.contains("defer { invocation.setInOut(3, generator) }"))
        #expect(text.contains("try Model(items: items, rate: rate, names: names, generator: &generator)"))
        #expect(text.contains("let validateFunction = invocation.function(2)"))
        #expect(text.contains("{ try validateFunction.call($0) }"))
        #expect(text.contains("returns: .dictionary(.string, .double)"))
    }

    @Test func variadicParametersCallOncePerArgumentCount() throws {
        let text = try emitted("""
            public final class Stack { public init(_ layers: Int...) {} }
            """, type: "Stack")
        #expect(text.contains("case 0: result = Stack()"))
        #expect(text.contains("case 2: result = Stack(layers[0], layers[1])"))
        #expect(text.contains("takes at most 16 variadic arguments"))
    }

    @Test func enumCasesBecomeStaticMembersAndPatterns() throws {
        let text = try emitted("public enum Rate: Equatable { case constant(Double), none }", type: "Rate")
        #expect(text.contains("FunctionBinding(\"constant\", .enumCase"))
        #expect(text.contains("guard case .constant(let value0)? = value as? Rate else { return nil }"))
        #expect(text.contains("equals: { ($0 as? Rate) == ($1 as? Rate) }"))
    }

    @Test func unsupportedTypesAreReported() throws {
        let api = try APICollector(files: [.init(module: "Lib", path: "File.swift", text: """
            public struct Box { public func bytes() -> Data { Data() } }
            """)]).collect()
        let type = try #require(api.type(named: "Box"))
        #expect(throws: Unsupported.self) { try MemberEmission(api: api, owner: type, member: type.members[0]).emit() }
    }
}
