/// An IDX file (LeCun et al., "THE MNIST DATABASE of handwritten digits", file formats):
/// two zero bytes, a type byte (0x08 = unsigned byte), a dimension count, the dimensions as
/// big-endian 32-bit integers, then the data. MNIST and Fashion-MNIST images are 0x00000803
/// (count × rows × columns), labels 0x00000801 (count).
struct IDXFile {
    let dimensions: [Int]
    let data: ArraySlice<UInt8>

    /// Parses `bytes` (already inflated), expecting unsigned bytes and `dimensionCount` dimensions.
    init(bytes: [UInt8], path: String, dimensionCount: Int) throws {
        let expectedMagic = 0x0000_0800 | dimensionCount
        guard bytes.count >= 4 else {
            throw DatasetsError.malformedFile(path: path, reason: "too short for an IDX header (\(bytes.count) bytes)")
        }
        let magic = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        guard magic == expectedMagic else {
            throw DatasetsError.malformedFile(
                path: path, reason: "bad magic number 0x\(String(magic, radix: 16)), expected 0x\(String(expectedMagic, radix: 16)) "
                    + (dimensionCount == 3 ? "(an idx3-ubyte image file)" : "(an idx1-ubyte label file)"))
        }
        let headerCount = 4 + 4 * dimensionCount
        guard bytes.count >= headerCount else {
            throw DatasetsError.malformedFile(path: path, reason: "the IDX header is truncated")
        }
        var dimensions = [Int]()
        for index in 0..<dimensionCount {
            let offset = 4 + 4 * index
            dimensions.append(Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
                | Int(bytes[offset + 3]))
        }
        let expectedCount = dimensions.reduce(1, *)
        guard bytes.count - headerCount == expectedCount else {
            throw DatasetsError.malformedFile(
                path: path, reason: "dimensions \(dimensions.map(String.init).joined(separator: "×")) need \(expectedCount) "
                    + "data bytes, the file has \(bytes.count - headerCount)")
        }
        self.dimensions = dimensions
        data = bytes[headerCount...]
    }
}
