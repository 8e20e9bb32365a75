/// An axis-aligned rectangle in logical points, y growing downwards as on screen.
struct Rectangle: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    func contains(x pointX: Double, y pointY: Double) -> Bool {
        pointX >= x && pointX <= maxX && pointY >= y && pointY <= maxY
    }
}

/// Font sizes, in points, shared by every chart.
enum FontSize {
    static let title = 15.0
    static let label = 12.5
    static let tick = 11.0
    static let legend = 11.0
    static let annotation = 10.0
}
