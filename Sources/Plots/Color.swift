/// An sRGB colour with an opacity, each component in 0...1.
public struct Color: Equatable, Hashable, Sendable {
    /// Red component, 0...1.
    public var red: Double
    /// Green component, 0...1.
    public var green: Double
    /// Blue component, 0...1.
    public var blue: Double
    /// Opacity, 0 (transparent) ... 1 (opaque).
    public var alpha: Double

    /// Creates a colour from components in 0...1; values outside are clamped when drawn.
    ///
    /// - Parameters:
    ///   - red: Red component, 0...1.
    ///   - green: Green component, 0...1.
    ///   - blue: Blue component, 0...1.
    ///   - alpha: Opacity, 0 (transparent) ... 1 (opaque).
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// Creates an opaque colour from a 24-bit `0xRRGGBB` value, as written in CSS.
    ///
    /// - Parameters:
    ///   - hex: The colour as `0xRRGGBB`, e.g. `0x1F77B4`.
    ///   - alpha: Opacity, 0 (transparent) ... 1 (opaque).
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(
            red: Double((hex >> 16) & 0xFF) / 255,
            green: Double((hex >> 8) & 0xFF) / 255,
            blue: Double(hex & 0xFF) / 255,
            alpha: alpha)
    }

    /// The same colour with a different opacity.
    ///
    /// - Parameter alpha: The new opacity, 0 (transparent) ... 1 (opaque).
    public func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// Opaque black.
    public static let black: Color = Color(hex: 0x000000)
    /// Opaque white.
    public static let white: Color = Color(hex: 0xFFFFFF)

    /// The ten-colour categorical palette matplotlib uses by default ("tab10").
    public static let categorical: [Color] = [
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD,
        0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF,
    ].map { Color(hex: $0) }

    /// The categorical colour for series or class `index`, cycling after ten.
    ///
    /// - Parameter index: The series or class number; any integer, taken modulo ten.
    public static func categorical(_ index: Int) -> Color {
        let count = categorical.count
        return categorical[((index % count) + count) % count]
    }

    /// Linear interpolation between two colours at `fraction` in 0...1.
    func mixed(with other: Color, fraction: Double) -> Color {
        let t = min(max(fraction, 0), 1)
        return Color(
            red: red + (other.red - red) * t,
            green: green + (other.green - green) * t,
            blue: blue + (other.blue - blue) * t,
            alpha: alpha + (other.alpha - alpha) * t)
    }
}

/// Internal colours shared by every chart so figures look alike.
enum Theme {
    static let text = Color(hex: 0x222222)
    static let axis = Color(hex: 0x333333)
    static let grid = Color(hex: 0xDDDDDD)
    static let legendFrame = Color(hex: 0xCCCCCC)
    static let marker = Color(hex: 0x888888)
    static let fontFamily = "DejaVu Sans"
}
