import CLibPNG
import Foundation

/// Encodes straight-alpha RGBA pixels as PNG through libpng's simplified write API, which reports
/// failures as return values (the classic API needs setjmp/longjmp, which Swift cannot catch).
///
/// The output holds no timestamp or other varying chunk, so equal pixels give equal bytes.
enum PNGEncoder {
    /// The PNG file for `pixels` (RGBA, 8 bits per channel, `width`×`height`, rows without padding).
    static func encode(rgba pixels: [UInt8], width: Int, height: Int) throws -> Data {
        guard width > 0, height > 0 else {
            throw PlotsError.invalidSize(width: width, height: height, scale: 1)
        }
        guard pixels.count == width * height * 4 else {
            throw PlotsError.pixelCountMismatch(width: width, height: height, channels: 4, count: pixels.count)
        }
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)
        // Favour speed: no row filters and a low zlib level. Charts are flat colour and still compress well.
        image.flags = UInt32(PNG_IMAGE_FLAG_FAST)

        // Deflate never grows data by more than a few bytes per 16 KiB block, so this almost always fits;
        // if not, libpng reports the size it needs and we try once more.
        var capacity = pixels.count + height + pixels.count / 64 + 4096
        for _ in 0..<2 {
            var output = Data(count: capacity)
            var size = capacity
            let succeeded = output.withUnsafeMutableBytes { outputBuffer in
                pixels.withUnsafeBytes { inputBuffer in
                    png_image_write_to_memory(&image, outputBuffer.baseAddress, &size, 0,
                                              inputBuffer.baseAddress, 0, nil)
                }
            }
            if succeeded != 0 {
                output.count = size
                png_image_free(&image)
                return output
            }
            let message = withUnsafeBytes(of: image.message) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            png_image_free(&image)
            guard size > capacity else {
                throw PlotsError.pngEncodingFailed(message: message.isEmpty ? "unknown libpng error" : message)
            }
            capacity = size
            image.warning_or_error = 0
        }
        throw PlotsError.pngEncodingFailed(message: "output kept growing beyond \(capacity) bytes")
    }
}
