import Testing
@testable import CellLanguage
import CellRuntime

/// Changing one element of an array, dictionary, struct or tuple held by one variable changes it in place, as in
/// Swift: its storage is not copied. Checked by the storage's address, not by timing (a copy on every write made
/// element-wise loops quadratic).
@Suite struct InPlaceMutationTests {
    /// The address of the elements of the array `path` leads to in the global `name`: the variable itself, a
    /// field of a struct, an element of a tuple, or the values of a dictionary.
    func storageAddress(_ name: String, _ runner: CellRunner, path: (Value) -> [Value]? = { value in
        if case .array(let elements) = value { return elements }
        return nil
    }) -> UnsafeRawPointer? {
        guard let value = runner.session.interpreter.globals[name]?.value, let elements = path(value) else { return nil }
        return elements.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
    }

    @Test func arrayElementsChangeInPlace() {
        var runner = CellRunner()
        _ = runner.run("var v = Array(repeating: 0.0, count: 1000)")
        let before = storageAddress("v", runner)
        #expect(runner.value("for i in 0..<v.count { v[i] = v[i] * 0.5 + Double(i) }\nv[999]") == "999.0")
        #expect(runner.value("v[3] += 1\nv[3]") == "4.0")
        #expect(before != nil && storageAddress("v", runner) == before)
    }

    @Test func rowsOfNestedArraysChangeInPlace() {
        var runner = CellRunner()
        _ = runner.run("var grid = [Array(repeating: 0, count: 100), Array(repeating: 0, count: 100)]")
        let secondRow: (Value) -> [Value]? = { value in
            guard case .array(let rows) = value, case .array(let elements) = rows[1] else { return nil }
            return elements
        }
        let before = storageAddress("grid", runner, path: secondRow)
        #expect(runner.value("for j in 0..<100 { grid[1][j] = j }\ngrid[1][99]") == "99")
        #expect(before != nil && storageAddress("grid", runner, path: secondRow) == before)
        // The element keeps its kind, as in Swift.
        #expect(runner.value("grid[1][0] = 1.5") == "CompilationError: cannot assign value of type 'Double' to type 'Int'")
    }

    @Test func structFieldsAndTupleElementsChangeInPlace() {
        var runner = CellRunner()
        _ = runner.run("struct Holder { var values: [Double] }\nvar holder = Holder(values: Array(repeating: 0, count: 100))")
        let field: (Value) -> [Value]? = { value in
            guard case .structure(let structure) = value, case .array(let elements) = structure.fields[0] else { return nil }
            return elements
        }
        let before = storageAddress("holder", runner, path: field)
        #expect(runner.value("for i in 0..<100 { holder.values[i] = Double(i) }\nholder.values[99]") == "99.0")
        #expect(before != nil && storageAddress("holder", runner, path: field) == before)

        _ = runner.run("var pair = (weights: Array(repeating: 1, count: 100), step: 0)")
        let element: (Value) -> [Value]? = { value in
            guard case .tuple(let tuple) = value, case .array(let elements) = tuple.elements[0] else { return nil }
            return elements
        }
        let tupleBefore = storageAddress("pair", runner, path: element)
        #expect(runner.value("for i in 0..<100 { pair.weights[i] = i }\npair.step += 1\npair.weights[42]") == "42")
        #expect(tupleBefore != nil && storageAddress("pair", runner, path: element) == tupleBefore)
    }

    @Test func dictionaryEntriesChangeInPlace() {
        var runner = CellRunner()
        _ = runner.run("var counts: [String: Int] = [\"a\": 0, \"b\": 0]")
        let values: (Value) -> [Value]? = { value in
            guard case .dictionary(let dictionary) = value else { return nil }
            return dictionary.values
        }
        let before = storageAddress("counts", runner, path: values)
        #expect(runner.value("for key in [\"a\", \"b\", \"a\"] { counts[key, default: 0] += 1 }\ncounts[\"a\"]!") == "2")
        #expect(runner.value("counts[\"b\"] = 7\ncounts[\"b\"]!") == "7")
        #expect(before != nil && storageAddress("counts", runner, path: values) == before)
        // A new key still goes in, and a missing key with a default starts from it.
        #expect(runner.value("counts[\"c\", default: 10] += 1\ncounts[\"c\"]!") == "11")
    }
}
