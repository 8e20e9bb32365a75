import Foundation
import Autograd

/// The safetensors checkpoint format (huggingface/safetensors): an 8-byte little-endian header
/// length `N`, `N` bytes of JSON mapping each tensor name to `{"dtype", "shape", "data_offsets":
/// [begin, end]}` (offsets into the data that follows) plus an optional `"__metadata__"` map of
/// strings, then the raw little-endian tensor bytes.
///
/// Files written here hold `F32` tensors in name order with contiguous offsets and a header padded
/// with spaces to a multiple of 8 bytes, as Python's `safetensors.torch.save_file` writes them, so
/// `safetensors.torch.load_file` reads them; the same tensors always give the same bytes.
/// Reading accepts `F32`, `F64` and `BF16` (converted to `Float`).
/// ```swift
/// try SafeTensors.write(["embedding": table], to: url, metadata: ["epoch": "12"])
/// let file = try SafeTensors.read(from: url)
/// print(file.tensors["embedding"]!.shape, file.metadata)
/// ```
public enum SafeTensors {
    /// The contents of a safetensors file.
    public struct Contents: Sendable {
        /// The tensors by name.
        public var tensors: [String: Tensor]
        /// The `__metadata__` strings (empty when absent).
        public var metadata: [String: String]
    }

    /// The bytes of a safetensors file holding `tensors` as F32 and `metadata`.
    ///
    /// - Parameters:
    ///   - tensors: The tensors by name, stored as F32.
    ///   - metadata: Strings stored in the `__metadata__` map.
    public static func encode(_ tensors: [String: Tensor], metadata: [String: String] = [:]) throws -> Data {
        var header: [String: Any] = [:]
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var offset = 0
        let names = tensors.keys.sorted()
        for name in names {
            let byteCount = tensors[name]!.scalarCount * 4
            header[name] = ["dtype": "F32", "shape": tensors[name]!.shape, "data_offsets": [offset, offset + byteCount]]
            offset += byteCount
        }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys, .withoutEscapingSlashes])
        json.append(contentsOf: [UInt8](repeating: 0x20, count: (8 - json.count % 8) % 8))
        var data = Data(capacity: 8 + json.count + offset)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        for name in names {
            let littleEndian = tensors[name]!.scalars.map { $0.bitPattern.littleEndian }
            littleEndian.withUnsafeBytes { data.append(contentsOf: $0) }
        }
        return data
    }

    /// Writes `tensors` to `url` atomically (temporary file, fsync, rename): an interrupted save
    /// leaves any previous file intact.
    ///
    /// - Parameters:
    ///   - tensors: The tensors by name, stored as F32.
    ///   - url: The file to write.
    ///   - metadata: Strings stored in the `__metadata__` map.
    public static func write(_ tensors: [String: Tensor], to url: URL, metadata: [String: String] = [:]) throws {
        try AtomicFile.write(encode(tensors, metadata: metadata), to: url)
    }

    /// Reads a safetensors file; errors name the file and, for a bad tensor, the tensor.
    ///
    /// - Parameter url: The safetensors file.
    public static func read(from url: URL) throws -> Contents {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw NeuralNetworksError.fileAccess(path: url.path, reason: "cannot read: \(error.localizedDescription)")
        }
        return try decode(data, path: url.path)
    }

    /// Parses the bytes of a safetensors file; `path` names the source in errors.
    ///
    /// - Parameters:
    ///   - data: The bytes of a safetensors file.
    ///   - path: The source's name in error messages.
    public static func decode(_ data: Data, path: String = "<data>") throws -> Contents {
        let bytes = [UInt8](data)
        func malformed(_ reason: String) -> NeuralNetworksError { .malformedCheckpoint(path: path, reason: reason) }
        guard bytes.count >= 8 else { throw malformed("it has \(bytes.count) bytes, fewer than the 8-byte header length") }
        let headerLength = bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw malformed("the header claims \(headerLength) bytes but only \(bytes.count - 8) follow the length")
        }
        let dataStart = 8 + Int(headerLength)
        guard let header = try? JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart])) as? [String: Any] else {
            throw malformed("the \(headerLength)-byte header is not a JSON object")
        }
        var metadata: [String: String] = [:]
        if let rawMetadata = header["__metadata__"] {
            guard let strings = rawMetadata as? [String: String] else { throw malformed("__metadata__ is not a map of strings") }
            metadata = strings
        }
        let available = bytes.count - dataStart
        var tensors: [String: Tensor] = [:]
        for (name, rawEntry) in header where name != "__metadata__" {
            guard let entry = rawEntry as? [String: Any], let dataType = entry["dtype"] as? String,
                  let shape = (entry["shape"] as? [NSNumber])?.map(\.intValue),
                  let offsets = (entry["data_offsets"] as? [NSNumber])?.map(\.intValue), offsets.count == 2,
                  offsets[0] >= 0, offsets[0] <= offsets[1], shape.allSatisfy({ $0 >= 0 }) else {
                throw malformed("tensor '\(name)' lacks a valid dtype, shape or data_offsets")
            }
            let width: Int
            switch dataType {
            case "F32": width = 4
            case "F64": width = 8
            case "BF16": width = 2
            default: throw NeuralNetworksError.unsupportedDataType(name: name, dataType: dataType)
            }
            guard offsets[1] <= available else {
                throw NeuralNetworksError.truncatedTensor(name: name, path: path, neededBytes: offsets[1], availableBytes: available)
            }
            let count = shape.reduce(1, *)
            guard offsets[1] - offsets[0] == count * width else {
                throw malformed("tensor '\(name)' of shape \(shape) and dtype \(dataType) needs \(count * width) bytes, its offsets \(offsets) span \(offsets[1] - offsets[0])")
            }
            let start = dataStart + offsets[0]
            let scalars = bytes.withUnsafeBytes { raw -> [Float] in
                (0..<count).map { index -> Float in
                    let offset = start + index * width
                    switch width {
                    case 8: return Float(Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))))
                    case 2: return Float(bitPattern: UInt32(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self))) << 16)
                    default: return Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                    }
                }
            }
            tensors[name] = try Tensor(shape: shape, scalars: scalars)
        }
        return Contents(tensors: tensors, metadata: metadata)
    }
}
