/// Reduces a long polyline, in canvas points, to at most four points per device-pixel column — the first,
/// lowest, highest and last point of each column, in their original order — which draws the same pixels
/// (the "M4" reduction, Jugel et al., VLDB 2014) while keeping stroking time proportional to the width.
///
/// Applies only when `xs` never decreases (a step or time axis) and the line has more than four points per
/// column; otherwise the input is returned unchanged. Non-finite points are kept as breaks in the line.
func decimatedForDrawing(x xs: [Double], y ys: [Double], columnWidth: Double) -> (x: [Double], y: [Double]) {
    let count = min(xs.count, ys.count)
    guard columnWidth > 0, let first = xs.first(where: \.isFinite), let last = xs.last(where: \.isFinite),
          Double(count) > 4 * ((last - first) / columnWidth + 1) else { return (xs, ys) }
    var previousX = -Double.infinity
    for x in xs where x.isFinite {
        guard x >= previousX else { return (xs, ys) }
        previousX = x
    }

    var outX: [Double] = [], outY: [Double] = []
    outX.reserveCapacity(Int((last - first) / columnWidth + 2) * 4)
    outY.reserveCapacity(outX.capacity)
    var bucket: (column: Double, first: Int, low: Int, high: Int, last: Int)?

    func flush() {
        guard let current = bucket else { return }
        for index in Set([current.first, current.low, current.high, current.last]).sorted() {
            outX.append(xs[index])
            outY.append(ys[index])
        }
        bucket = nil
    }

    for index in 0..<count {
        let x = xs[index], y = ys[index]
        guard x.isFinite, y.isFinite else {
            flush()
            outX.append(.nan)
            outY.append(.nan)
            continue
        }
        let column = ((x - first) / columnWidth).rounded(.down)
        if var current = bucket, current.column == column {
            if y < ys[current.low] { current.low = index }
            if y > ys[current.high] { current.high = index }
            current.last = index
            bucket = current
        } else {
            flush()
            bucket = (column, index, index, index, index)
        }
    }
    flush()
    return (outX, outY)
}
