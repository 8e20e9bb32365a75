import Foundation
import Testing
@testable import Plots

@Suite("Line decimation")
struct LineDecimationTests {
    @Test("keeps first, lowest, highest and last of each pixel column, in order")
    func keepsExtremes() {
        // 10 points in one column (width 1): y = 5, 9, 1, 4, ..., last 3.
        let xs = (0..<10).map { Double($0) * 0.05 }
        let ys: [Double] = [5, 9, 1, 4, 4, 4, 4, 4, 4, 3]
        let reduced = decimatedForDrawing(x: xs, y: ys, columnWidth: 1)
        #expect(reduced.y == [5, 9, 1, 3])
        #expect(reduced.x == [0, 0.05, 0.1, 0.45])
    }

    @Test("short or non-monotonic lines are left alone")
    func leavesShortLines() {
        let xs: [Double] = [0, 1, 2], ys: [Double] = [1, 2, 3]
        #expect(decimatedForDrawing(x: xs, y: ys, columnWidth: 1).y == ys)
        let backwards = (0..<100).map { Double(100 - $0) * 0.01 }
        #expect(decimatedForDrawing(x: backwards, y: backwards, columnWidth: 1).x.count == 100)
    }

    @Test("a 100,000-step line draws the same picture as its reduction would")
    func longLineRenders() throws {
        var figure = Figure(width: 400, height: 250)
        let values: [Double] = (0..<100_000).map { (step: Int) -> Double in
            let t = Double(step)
            return 1 + sin(t * 0.001) + 0.2 * sin(t * 0.7)
        }
        figure.plot(values, name: "loss")
        let image = try #require(DecodedImage(png: try figure.pngData()))
        #expect(image.count(of: Color.categorical(0), x: 0..<800, y: 0..<500) > 20_000)
        let reduced = decimatedForDrawing(x: (0..<100_000).map(Double.init), y: [Double](repeating: 1, count: 100_000),
                                          columnWidth: 100)
        #expect(reduced.x.count <= 4 * 1001)
    }
}
