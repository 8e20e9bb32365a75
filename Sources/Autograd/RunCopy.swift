/// Copies a run of values (an image row or plane: 7 to 784 values in the models we teach) with
/// 8- or 4-wide loads and stores; the last group overlaps the one before it instead of a scalar
/// tail, and no call to memmove, which cost more than the copy on runs this short.
@inline(__always)
func copyRun(from source: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, count: Int) {
    let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
    if count >= 8 {
        var offset = 0
        while offset + 8 < count {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset * 4, as: SIMD8<Float>.self),
                          toByteOffset: offset * 4, as: SIMD8<Float>.self)
            offset += 8
        }
        let last = (count - 8) * 4
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: last, as: SIMD8<Float>.self), toByteOffset: last, as: SIMD8<Float>.self)
    } else if count >= 4 {
        let last = (count - 4) * 4
        let head = from.loadUnaligned(as: SIMD4<Float>.self), tail = from.loadUnaligned(fromByteOffset: last, as: SIMD4<Float>.self)
        to.storeBytes(of: head, as: SIMD4<Float>.self)
        to.storeBytes(of: tail, toByteOffset: last, as: SIMD4<Float>.self)
    } else {
        for index in 0..<count { target[index] = source[index] }
    }
}
