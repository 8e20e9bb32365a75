/// Freezing parameters: a frozen parameter keeps its value through training (it is used as a
/// constant by ``valueAndGradient(of:_:)`` and so never reaches an optimizer) but is still listed by
/// ``Module/parameters()`` and saved in checkpoints. Alternating schedules (RecVAE trains encoder
/// and decoder in turns) and non-gradient updates (an EMA codebook) use it.
/// ```swift
/// model.freeze(where: { $0.hasPrefix("decoder.") })      // encoder epochs
/// model.unfreeze()
/// ```
extension Module {
    /// Freezes every parameter whose path satisfies `predicate` (all of them by default).
    ///
    /// - Parameter predicate: Takes a parameter path such as "decoder.weight"; true freezes it.
    public func freeze(where predicate: (String) -> Bool = { _ in true }) {
        for (name, box) in namedParameterBoxes() where predicate(name) { box.isFrozen = true }
    }

    /// Unfreezes every parameter whose path satisfies `predicate` (all of them by default).
    ///
    /// - Parameter predicate: Takes a parameter path such as "decoder.weight"; true unfreezes it.
    public func unfreeze(where predicate: (String) -> Bool = { _ in true }) {
        for (name, box) in namedParameterBoxes() where predicate(name) { box.isFrozen = false }
    }

    /// The paths of the parameters that are not frozen, in declaration order.
    public var trainableParameterNames: [String] {
        namedParameterBoxes().filter { !$0.box.isFrozen }.map(\.name)
    }
}
