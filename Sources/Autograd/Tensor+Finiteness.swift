/// Whether a tensor holds only finite values: the check a training loop makes before it lets a gradient change
/// the weights.
extension Tensor {
    /// Whether every value is finite: no NaN and no infinity (true for an empty tensor).
    public var isFinite: Bool {
        scalars.withUnsafeBufferPointer { Tensor.allFinite($0) }
    }

    /// Whether every value of `values` is finite. A value is NaN or infinite exactly when its exponent bits are all
    /// set; sixteen values are tested at once (one vector compare), and the tail one by one.
    static func allFinite(_ values: UnsafeBufferPointer<Float>) -> Bool {
        guard let base = values.baseAddress else { return true }
        let exponent: UInt32 = 0x7F80_0000
        let exponents = SIMD16<UInt32>(repeating: exponent)
        let raw = UnsafeRawPointer(base)
        let vectorCount = values.count / 16
        var nonFinite = SIMDMask<SIMD16<Int32>>(repeating: false)
        for vector in 0..<vectorCount {
            let bits = raw.loadUnaligned(fromByteOffset: vector * 64, as: SIMD16<UInt32>.self)
            nonFinite .|= (bits & exponents) .== exponents
            if vector % 64 == 63, any(nonFinite) { return false }
        }
        if any(nonFinite) { return false }
        for index in vectorCount * 16..<values.count where values[index].bitPattern & exponent == exponent { return false }
        return true
    }
}
