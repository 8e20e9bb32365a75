import Foundation
import Testing
@testable import BindingGenerator

/// The checked-in bindings are what the generator makes of the library's sources today, and every public
/// declaration is either bound or named in the exclusion list.
@Suite struct GeneratedBindingsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func checkedInBindingsAreCurrent() throws {
        let outcome = try BindingGenerator(root: GeneratedBindingsTests.root).write(checkOnly: true)
        #expect(outcome.isCurrent, "run `make generate`: \(outcome.messages.joined(separator: ", "))")
    }

    @Test func everyPublicDeclarationIsBoundOrExcludedAndEveryExclusionNamesOne() throws {
        let generator = try BindingGenerator(root: GeneratedBindingsTests.root)
        let (_, coverage) = try generator.generate()
        #expect(coverage.unusedExclusions.isEmpty, "exclusions that name nothing: \(coverage.unusedExclusions)")
        let handled = Set(coverage.bound).union(coverage.excluded.map(\.declaration))
        var missing: [String] = []
        for type in generator.api.types {
            let typeID = "\(type.module).\(type.name)"
            if !handled.contains(typeID) { missing.append(typeID) }
            for member in type.members where !handled.contains("\(typeID).\(member.selector)") {
                missing.append("\(typeID).\(member.selector)")
            }
        }
        for function in generator.api.functions where !handled.contains("\(function.module).\(function.selector)") {
            missing.append("\(function.module).\(function.selector)")
        }
        #expect(missing.isEmpty, "neither bound nor excluded: \(missing)")
        #expect(coverage.bound.count > 500)
        #expect(coverage.excluded.allSatisfy { !$0.reason.isEmpty })
    }
}
