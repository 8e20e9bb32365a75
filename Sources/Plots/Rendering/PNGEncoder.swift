import CLibPNG
import Foundation

/// Encodes a canvas as PNG with libpng, a row at a time straight from Cairo's pixel buffer.
///
/// Opaque canvases (every figure has a white background) are written as 8-bit RGB, others as
/// straight-alpha RGBA. Settings favour speed on flat-colour charts: "up" row filter, zlib level 1 with
/// run-length matching. No time or other varying chunk is written, so equal pixels give equal bytes.
///
/// libpng reports errors by longjmp, which Swift cannot catch; the only errors possible once sizes are
/// validated are allocation failures, which end the process as any Swift allocation failure does.
enum PNGEncoder {
    /// Collects libpng's output; passed to the C write callback as an opaque pointer.
    private final class Output {
        var data = Data()
    }

    /// The PNG file for the canvas's pixels.
    static func encode(_ canvas: Canvas) throws -> Data {
        let width = canvas.pixelWidth, height = canvas.pixelHeight
        guard (1...65_536).contains(width), (1...65_536).contains(height) else {
            throw PlotsError.invalidSize(width: width, height: height, scale: canvas.scale)
        }
        canvas.flush()
        guard let createdPNG = png_create_write_struct(PNG_LIBPNG_VER_STRING, nil, { _, message in
            fatalError("libpng: \(message.map { String(cString: $0) } ?? "unknown error")")
        }, { _, _ in }) else {
            throw PlotsError.pngEncodingFailed(message: "png_create_write_struct returned nil")
        }
        var png: png_structp? = createdPNG
        var info = png_create_info_struct(createdPNG)
        defer { png_destroy_write_struct(&png, &info) }
        guard info != nil else { throw PlotsError.pngEncodingFailed(message: "png_create_info_struct returned nil") }

        let output = Output()
        output.data.reserveCapacity(width * height / 4)
        let outputPointer = Unmanaged.passUnretained(output).toOpaque()
        png_set_write_fn(png, outputPointer, { png, bytes, length in
            guard let png, let bytes, let ioPointer = png_get_io_ptr(png) else { return }
            Unmanaged<Output>.fromOpaque(ioPointer).takeUnretainedValue().data.append(bytes, count: length)
        }, { _ in })

        let includesAlpha = !canvas.isOpaque
        png_set_IHDR(png, info, UInt32(width), UInt32(height), 8,
                     includesAlpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT)
        png_set_filter(png, 0, PNG_FILTER_UP)
        png_set_compression_level(png, 1)
        png_set_compression_strategy(png, 3) // Z_RLE
        png_write_info(png, info)

        let rowBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: width * 4)
        defer { rowBuffer.deallocate() }
        for row in 0..<height {
            canvas.copyRow(row, into: rowBuffer, includesAlpha: includesAlpha)
            png_write_row(png, rowBuffer)
        }
        png_write_end(png, info)
        withExtendedLifetime(output) {}
        return output.data
    }
}
