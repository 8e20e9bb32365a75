import Autograd

/// Re-drawing parameters from an ``Initializer``, as reference models do after building their layers.
extension Module {
    /// Replaces every parameter whose path satisfies `predicate` with values drawn from
    /// `initializer`, in declaration order (so the same seed gives the same model).
    ///
    /// - Parameters:
    ///   - initializer: How the new values are drawn, e.g. `.xavierNormal()`.
    ///   - predicate: Takes a parameter path such as "encoder.weight"; true re-draws it.
    ///   - generator: Draws the new values.
    ///
    /// ```swift
    /// var generator = RandomGenerator(seed: 98765)
    /// try model.initialize(.xavierNormal(), where: { $0.hasSuffix("weight") }, generator: &generator)
    /// try model.initialize(.normal(standardDeviation: 0.001), where: { $0.hasSuffix("bias") }, generator: &generator)
    /// ```
    public func initialize(
        _ initializer: Initializer, where predicate: (String) -> Bool, generator: inout RandomGenerator
    ) throws {
        for (name, box) in namedParameterBoxes() where predicate(name) {
            guard let shape = box.tensor?.shape else { continue }
            box.replace(with: try initializer.tensor(shape, generator: &generator))
        }
    }
}
