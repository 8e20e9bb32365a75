import Autograd
import Datasets
@testable import Models

/// Small synthetic image sets for the generative-model tests.
enum GenerativeTestData {
    /// `count` images of `side × side` pixels in [0, 1]: class `c` (of 4) is a bright horizontal
    /// bar, vertical bar, diagonal or border, with seeded noise; labels are the classes.
    static func bars(count: Int = 32, side: Int = 8, seed: UInt64 = 1) throws -> ImageDataset {
        var generator = RandomGenerator(seed: seed)
        var pixels = [Float]()
        var labels = [Int]()
        for index in 0..<count {
            let label = index % 4
            let offset = generator.nextInt(below: side - 2) + 1
            for row in 0..<side {
                for column in 0..<side {
                    let lit: Bool
                    switch label {
                    case 0: lit = row == offset
                    case 1: lit = column == offset
                    case 2: lit = row == column
                    default: lit = row == 0 || column == 0 || row == side - 1 || column == side - 1
                    }
                    pixels.append(lit ? 0.9 : 0.05 + 0.05 * generator.nextUnitFloat())
                }
            }
            labels.append(label)
        }
        return try ImageDataset(name: "bars", pixels: pixels, labels: labels, height: side, width: side)
    }
}

/// Whether two arrays agree within `tolerance` (absolute plus relative).
func isClose(_ left: [Float], _ right: [Float], tolerance: Float = 1e-4) -> Bool {
    left.count == right.count && zip(left, right).allSatisfy { abs($0 - $1) <= tolerance * (1 + abs($1)) }
}
