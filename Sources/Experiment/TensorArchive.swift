import Foundation

/// A binary file of named Float arrays plus a JSON header, with a checksum: the checkpoint format.
///
/// Layout: the magic line `MTRL-ARCHIVE 1\n`, the header length (8 bytes, little-endian), the header
/// (JSON: metadata and the name and length of every array), the arrays' Float32 values back to back in
/// header order (little-endian), and an FNV-1a 64-bit checksum of everything before it (8 bytes).
/// A truncated or altered file fails the checksum and is reported, never half-loaded.
public struct TensorArchive {
    /// Small structured data (counters, generator states, the config), stored as JSON.
    public var metadata: [String: String] = [:]
    /// The arrays, by name.
    public var tensors: [String: [Float]] = [:]

    /// An empty archive.
    public init() {}

    private static let magic = Data("MTRL-ARCHIVE 1\n".utf8)

    private struct Header: Codable {
        var metadata: [String: String]
        var names: [String]
        var counts: [Int]
    }

    /// The archive as bytes.
    public func encoded() throws -> Data {
        let names = tensors.keys.sorted()
        let header = try JSONEncoder().encode(Header(metadata: metadata, names: names, counts: names.map { tensors[$0]!.count }))
        var data = Self.magic
        var length = UInt64(header.count).littleEndian
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
        data.append(header)
        for name in names {
            tensors[name]!.withUnsafeBufferPointer { data.append(UnsafeBufferPointer(start: UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: UInt8.self), count: $0.count * 4)) }
        }
        var checksum = Self.fnv1a(data).littleEndian
        withUnsafeBytes(of: &checksum) { data.append(contentsOf: $0) }
        return data
    }

    /// Reads an archive, checking magic, checksum and sizes. `source` names the file in messages.
    public init(decoding data: Data, source: String) throws {
        func corrupt(_ why: String) -> CheckpointError { .corrupt("\(source): \(why)") }
        guard data.count >= Self.magic.count + 16, data.prefix(Self.magic.count) == Self.magic else {
            throw corrupt("not an mtrl checkpoint (wrong magic bytes)")
        }
        let body = data.prefix(data.count - 8)
        let stored = data.suffix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        guard UInt64(littleEndian: stored) == Self.fnv1a(body) else {
            throw corrupt("checksum mismatch (the file is truncated or damaged)")
        }
        var offset = Self.magic.count
        let storedLength = UInt64(littleEndian: data.subdata(in: offset..<offset + 8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
        offset += 8
        guard storedLength <= UInt64(body.count - offset) else { throw corrupt("header length out of range") }
        let headerLength = Int(storedLength)
        guard let header = try? JSONDecoder().decode(Header.self, from: data.subdata(in: offset..<offset + headerLength)) else {
            throw corrupt("the header is not the expected JSON")
        }
        offset += headerLength
        let arrayBytes = body.count - offset
        guard header.names.count == header.counts.count, Set(header.names).count == header.names.count,
              header.counts.allSatisfy({ $0 >= 0 && $0 <= arrayBytes / 4 }), header.counts.reduce(0, +) * 4 == arrayBytes else {
            throw corrupt("array sizes do not match the file size")
        }
        metadata = header.metadata
        for (name, count) in zip(header.names, header.counts) {
            var values = [Float](repeating: 0, count: count)
            _ = values.withUnsafeMutableBytes { destination in
                data.copyBytes(to: destination, from: offset..<offset + count * 4)
            }
            tensors[name] = values
            offset += count * 4
        }
    }

    /// The array `name`, or a corrupt-checkpoint error naming it.
    public func tensor(_ name: String, count: Int? = nil) throws -> [Float] {
        guard let values = tensors[name] else { throw CheckpointError.corrupt("the checkpoint has no '\(name)'") }
        if let count, values.count != count {
            throw CheckpointError.mismatch("'\(name)' has \(values.count) values, this run needs \(count) (was the checkpoint made with another config?)")
        }
        return values
    }

    /// The metadata value `key` decoded from JSON.
    public func decode<T: Decodable>(_ type: T.Type, _ key: String) throws -> T {
        guard let text = metadata[key] else { throw CheckpointError.corrupt("the checkpoint has no '\(key)'") }
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw CheckpointError.corrupt("the checkpoint's '\(key)' record cannot be read (\(error))")
        }
    }

    /// Stores `value` as JSON metadata under `key`.
    public mutating func encode<T: Encodable>(_ value: T, _ key: String) throws {
        metadata[key] = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    static func fnv1a(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return hash
    }
}

/// Checkpoint problems a user can act on.
public enum CheckpointError: Error, CustomStringConvertible, Equatable {
    /// No checkpoint where one was expected.
    case missing(String)
    /// The file is damaged or not a checkpoint.
    case corrupt(String)
    /// The checkpoint belongs to another configuration.
    case mismatch(String)
    /// A new checkpoint could not be written (a full disk, a read-only folder).
    case unwritable(String)

    public var description: String {
        switch self {
        case .missing(let message): return "no checkpoint: \(message)"
        case .corrupt(let message): return "corrupt checkpoint: \(message)"
        case .mismatch(let message): return "checkpoint does not fit: \(message)"
        case .unwritable(let message): return "cannot write the checkpoint: \(message)"
        }
    }
}
