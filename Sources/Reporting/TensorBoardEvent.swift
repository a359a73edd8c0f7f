/// The two protobuf messages of a TensorBoard scalar log, encoded by hand (tensorflow/core/util/event.proto
/// and summary.proto): `Event { double wall_time = 1; int64 step = 2; string file_version = 3;
/// Summary summary = 5; }`, `Summary { repeated Value value = 1; }`, `Value { string tag = 1;
/// float simple_value = 2; }`.
public struct TensorBoardEvent: Equatable, Sendable {
    /// Seconds since 1970.
    public var wallTime: Double
    /// The global step the scalars belong to.
    public var step: Int64
    /// The file-version header ("brain.Event:2") of a file's first event; nil otherwise.
    public var fileVersion: String?
    /// Tag and value of each scalar.
    public var scalars: [(tag: String, value: Float)]

    /// An event with the given fields.
    public init(wallTime: Double, step: Int64, fileVersion: String? = nil, scalars: [(tag: String, value: Float)] = []) {
        self.wallTime = wallTime
        self.step = step
        self.fileVersion = fileVersion
        self.scalars = scalars
    }

    /// Equal fields, scalars compared tag by tag and value by value, in order.
    public static func == (lhs: TensorBoardEvent, rhs: TensorBoardEvent) -> Bool {
        lhs.wallTime == rhs.wallTime && lhs.step == rhs.step && lhs.fileVersion == rhs.fileVersion
            && lhs.scalars.map(\.tag) == rhs.scalars.map(\.tag) && lhs.scalars.map(\.value) == rhs.scalars.map(\.value)
    }

    /// The protobuf encoding.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = [0x09] + withUnsafeBytes(of: wallTime.bitPattern.littleEndian, Array.init)
        bytes += [0x10] + Self.varint(UInt64(bitPattern: step))
        if let fileVersion { bytes += Self.lengthDelimited(field: 3, Array(fileVersion.utf8)) }
        if !scalars.isEmpty {
            var summary = [UInt8]()
            for scalar in scalars {
                let value = Self.lengthDelimited(field: 1, Array(scalar.tag.utf8)) + [0x15] + withUnsafeBytes(of: scalar.value.bitPattern.littleEndian, Array.init)
                summary += Self.lengthDelimited(field: 1, value)
            }
            bytes += Self.lengthDelimited(field: 5, summary)
        }
        return bytes
    }

    /// The `step` field of an encoded event (0 when absent), or nil for bytes that are not a well-formed
    /// message. Other fields are skipped by wire type.
    public static func step(ofEncoded bytes: [UInt8]) -> Int64? {
        var offset = 0
        var step: Int64 = 0
        while offset < bytes.count {
            guard let key = readVarint(bytes, &offset) else { return nil }
            switch key & 7 {
            case 0:
                guard let value = readVarint(bytes, &offset) else { return nil }
                if key >> 3 == 2 { step = Int64(bitPattern: value) }
            case 1: offset += 8
            case 2:
                guard let length = readVarint(bytes, &offset), length <= UInt64(bytes.count - offset) else { return nil }
                offset += Int(length)
            case 5: offset += 4
            default: return nil
            }
            if offset > bytes.count { return nil }
        }
        return step
    }

    private static func lengthDelimited(field: UInt64, _ payload: [UInt8]) -> [UInt8] {
        varint(field << 3 | 2) + varint(UInt64(payload.count)) + payload
    }

    private static func varint(_ value: UInt64) -> [UInt8] {
        var bytes = [UInt8](), rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        return bytes + [UInt8(rest)]
    }

    private static func readVarint(_ bytes: [UInt8], _ offset: inout Int) -> UInt64? {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 7) {
            guard offset < bytes.count else { return nil }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << UInt64(shift)
            if byte < 0x80 { return value }
        }
        return nil
    }
}
