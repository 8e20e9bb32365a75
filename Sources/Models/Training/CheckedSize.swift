/// Sizes a model derives from its configuration (pixels of an image, a widened layer), computed so that
/// a configuration too large for `Int` is an error naming the model rather than a trap.
enum CheckedSize {
    /// `factors` multiplied, or `ModelsError.invalidConfiguration` naming `component` and `what` when the product
    /// overflows `Int`.
    static func product(_ factors: [Int], component: String, what: String) throws -> Int {
        try factors.reduce(1) { product, factor in
            let (result, overflow) = product.multipliedReportingOverflow(by: factor)
            guard !overflow else { throw tooLarge(component: component, what: what, values: factors, joinedBy: " × ") }
            return result
        }
    }

    /// `terms` added, or `ModelsError.invalidConfiguration` naming `component` and `what` when the sum overflows `Int`.
    static func sum(_ terms: [Int], component: String, what: String) throws -> Int {
        try terms.reduce(0) { sum, term in
            let (result, overflow) = sum.addingReportingOverflow(term)
            guard !overflow else { throw tooLarge(component: component, what: what, values: terms, joinedBy: " + ") }
            return result
        }
    }

    private static func tooLarge(component: String, what: String, values: [Int], joinedBy separator: String) -> ModelsError {
        .invalidConfiguration(
            component: component,
            reason: "\(what) (\(values.map(String.init).joined(separator: separator))) is more than an Int can count")
    }
}
