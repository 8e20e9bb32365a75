/// Elementwise loops over the raw values, split across cores when large. Not recorded:
/// primitives use them for their forward values and backward rules.
extension Tensor {
    /// A tensor of this shape with `transform` applied to every value.
    @inline(__always)
    func map(_ transform: (Float) -> Float) -> Tensor {
        let count = scalars.count
        let result = [Float](unsafeUninitializedCapacity: count) { output, initialized in
            scalars.withUnsafeBufferPointer { input in
                let out = output.baseAddress!
                Parallel.forEachChunk(count: count, costPerItem: 4) { range in
                    for i in range { out[i] = transform(input[i]) }
                }
            }
            initialized = count
        }
        return Tensor(uncheckedShape: shape, scalars: result)
    }

    /// `combine` applied to matching values of three tensors of the same shape.
    @inline(__always)
    static func zipMap(
        _ first: Tensor, _ second: Tensor, _ third: Tensor, _ combine: (Float, Float, Float) -> Float
    ) -> Tensor {
        precondition(first.scalars.count == second.scalars.count && first.scalars.count == third.scalars.count,
                     "zipMap: \(first.shape), \(second.shape), \(third.shape)")
        let count = first.scalars.count
        let result = [Float](unsafeUninitializedCapacity: count) { output, initialized in
            first.scalars.withUnsafeBufferPointer { a in
                second.scalars.withUnsafeBufferPointer { b in
                    third.scalars.withUnsafeBufferPointer { c in
                        let out = output.baseAddress!
                        Parallel.forEachChunk(count: count, costPerItem: 4) { range in
                            for i in range { out[i] = combine(a[i], b[i], c[i]) }
                        }
                    }
                }
            }
            initialized = count
        }
        return Tensor(uncheckedShape: first.shape, scalars: result)
    }

    /// `function` applied to every value: the loop is specialised for each function type, and runs
    /// eight values at a time for a vectorised function.
    func applying<Function: ElementwiseFunction>(_ function: Function) -> Tensor {
        let count = scalars.count
        let result = [Float](unsafeUninitializedCapacity: count) { output, initialized in
            scalars.withUnsafeBufferPointer { input in
                let out = output.baseAddress!
                Parallel.forEachChunk(count: count, costPerItem: 4) { range in
                    var start = range.lowerBound
                    if Function.isVectorized {
                        let width = VectorMath.Vector.scalarCount
                        let source = UnsafeRawPointer(input.baseAddress!), target = UnsafeMutableRawPointer(out)
                        while start + width <= range.upperBound {
                            let x = source.loadUnaligned(fromByteOffset: start * 4, as: VectorMath.Vector.self)
                            target.storeBytes(of: function.values(x), toByteOffset: start * 4, as: VectorMath.Vector.self)
                            start += width
                        }
                    }
                    for i in start..<range.upperBound { out[i] = function.value(input[i]) }
                }
            }
            initialized = count
        }
        return Tensor(uncheckedShape: shape, scalars: result)
    }

    /// `gradient · f′(input, output)` elementwise: the backward rule of an elementwise primitive.
    static func chainRule<Function: ElementwiseFunction>(
        _ function: Function, gradient: Tensor, input: Tensor, output: Tensor
    ) -> Tensor {
        let count = gradient.scalars.count
        let result = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            gradient.scalars.withUnsafeBufferPointer { g in
                input.scalars.withUnsafeBufferPointer { x in
                    output.scalars.withUnsafeBufferPointer { y in
                        let out = buffer.baseAddress!
                        Parallel.forEachChunk(count: count, costPerItem: 4) { range in
                            var start = range.lowerBound
                            if Function.isVectorized {
                                let width = VectorMath.Vector.scalarCount
                                let target = UnsafeMutableRawPointer(out)
                                func load(_ values: UnsafeBufferPointer<Float>) -> VectorMath.Vector {
                                    UnsafeRawPointer(values.baseAddress!).loadUnaligned(fromByteOffset: start * 4, as: VectorMath.Vector.self)
                                }
                                while start + width <= range.upperBound {
                                    let product = load(g) * function.derivatives(input: load(x), output: load(y))
                                    target.storeBytes(of: product, toByteOffset: start * 4, as: VectorMath.Vector.self)
                                    start += width
                                }
                            }
                            for i in start..<range.upperBound { out[i] = g[i] * function.derivative(input: x[i], output: y[i]) }
                        }
                    }
                }
            }
            initialized = count
        }
        return Tensor(uncheckedShape: gradient.shape, scalars: result)
    }
}
