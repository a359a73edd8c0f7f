/// TFRecord framing, the container of TensorBoard event files. Each record is:
///
///     uint64 length (little-endian) | uint32 masked CRC-32C of those 8 bytes | data | uint32 masked CRC-32C of data
public enum TFRecord {
    /// Bytes of framing around each record's data.
    public static let overhead = 16

    /// `data` framed as one record.
    public static func frame(_ data: [UInt8]) -> [UInt8] {
        let length = littleEndian(UInt64(data.count))
        return length + littleEndian(CRC32C.masked(length)) + data + littleEndian(CRC32C.masked(data))
    }

    /// The records of `bytes` in order, and how many bytes they span. Reading stops at the first record
    /// that is incomplete or fails its checksums (a writer killed mid-record leaves such a tail).
    public static func records(in bytes: [UInt8]) -> (records: [[UInt8]], validLength: Int) {
        var records = [[UInt8]]()
        var offset = 0
        while offset + 12 <= bytes.count {
            let header = Array(bytes[offset..<offset + 8])
            guard readUInt32(bytes, at: offset + 8) == CRC32C.masked(header) else { break }
            let length = header.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            guard length <= UInt64(bytes.count - offset - overhead) else { break }
            let start = offset + 12, end = start + Int(length)
            let data = Array(bytes[start..<end])
            guard readUInt32(bytes, at: end) == CRC32C.masked(data) else { break }
            records.append(data)
            offset = end + 4
        }
        return (records, offset)
    }

    private static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }

    private static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
