import Foundation
import Autograd

/// A tensor as the fixture script writes it.
struct EncodedTensor: Decodable {
    let shape: [Int]
    let values: [Float]
    var tensor: Tensor { try! Tensor(shape: shape, scalars: values) }
}

/// Decodes `Fixtures/<name>.json` written by scripts/make_network_fixtures.py.
func loadFixture<Value: Decodable>(_ name: String, as type: Value.Type) throws -> Value {
    let url = try required(fixtureURL(name, extension: "json"))
    return try JSONDecoder().decode(Value.self, from: Data(contentsOf: url))
}

/// The URL of a fixture file.
func fixtureURL(_ name: String, extension: String) -> URL? {
    Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: `extension`)
}

/// Throws when a fixture is missing (`#require` outside a test body).
private func required<Value>(_ value: Value?) throws -> Value {
    guard let value else { throw CocoaError(.fileNoSuchFile) }
    return value
}

/// The largest relative difference (absolute below 1) between two tensors' values.
func largestDifference(_ tensor: Tensor, _ expected: EncodedTensor) -> Float {
    guard tensor.shape == expected.shape else { return .infinity }
    return zip(tensor.scalars, expected.values).map { Swift.abs($0 - $1) / Swift.max(1, Swift.abs($1)) }.max() ?? 0
}
