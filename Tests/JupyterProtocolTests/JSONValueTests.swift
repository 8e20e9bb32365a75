import Testing
@testable import JupyterProtocol

@Test func parsesScalarsArraysAndObjects() throws {
    let value = try JSONValue(parsing: #"{"a": [1, -2.5, true, false, null], "b": {"c": "d"}, "e": 1e3}"#)
    #expect(value["a"] == [1, -2.5, true, false, nil])
    #expect(value["b"]?["c"] == "d")
    #expect(value["e"] == .number(1000))
}

@Test func decodesEscapesAndSurrogatePairs() throws {
    let value = try JSONValue(parsing: #""tab\t quote\" slash\/ \u00e9 \ud83d\ude00""#)
    #expect(value == .string("tab\t quote\" slash/ é 😀"))
}

@Test func serializationRoundTripsAndSortsKeys() throws {
    let value: JSONValue = ["z": 1, "a": ["x\n\u{1}", 2.5, nil, true], "m": .emptyObject]
    let text = value.serialized
    #expect(text == #"{"a":["x\n\u0001",2.5,null,true],"m":{},"z":1}"#)
    #expect(try JSONValue(parsing: text) == value)
}

@Test func integersStayIntegersAndWholeDoublesKeepAFraction() throws {
    #expect(try JSONValue(parsing: "42") == .integer(42))
    #expect(JSONValue.number(3).serialized == "3.0")
    #expect(try JSONValue(parsing: JSONValue.number(0.1).serialized) == .number(0.1))
}

@Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "\"abc", "tru", "1 2", "\"\\x\"", "-", "1.", "[\"\u{1}\"]"])
func rejectsMalformedText(_ text: String) {
    #expect(throws: JupyterProtocolError.self) { try JSONValue(parsing: text) }
}

@Test func refusesNestingBeyondTheLimit() {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: JupyterProtocolError.self) { try JSONValue(parsing: deep) }
}

@Test func subscriptSetterUpdatesObjects() {
    var value: JSONValue = ["a": 1]
    value["b"] = "two"
    #expect(value == ["a": 1, "b": "two"])
    #expect(value["a"]?.integerValue == 1)
    #expect(value["b"]?.stringValue == "two")
}
