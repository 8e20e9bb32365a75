#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Square roots of eight floats at once. On Linux `Float.squareRoot()` lowers to `sqrtf` with
/// errno handling (a compare and a branch per value), which keeps optimizer loops from
/// vectorising; on x86-64 this uses SSE `sqrtps` (correctly rounded, like `sqrtss`), so results
/// are identical to the scalar form, value for value.
enum VectorSquareRoot {
    /// `√x` lane by lane (NaN for negative lanes, as `Float.squareRoot()`).
    @inline(__always)
    static func squareRoot(_ x: SIMD8<Float>) -> SIMD8<Float> {
        #if arch(x86_64)
        return SIMD8(lowHalf: SIMD4(_mm_sqrt_ps(x.lowHalf)), highHalf: SIMD4(_mm_sqrt_ps(x.highHalf)))
        #else
        return x.squareRoot()
        #endif
    }
}
