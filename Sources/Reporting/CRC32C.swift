/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of TFRecord files, and the
/// "masked" form TFRecord stores: `((crc >> 15) | (crc << 17)) + 0xA282EAD8`.
///
/// Check value: CRC-32C of the ASCII bytes "123456789" is 0xE3069283 (the standard catalogue value).
public enum CRC32C {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? (value >> 1) ^ 0x82F6_3B78 : value >> 1 }
        return value
    }

    /// The CRC-32C of `bytes`.
    public static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    /// The masked CRC-32C of `bytes`, as TFRecord framing stores it (masking keeps a CRC of data that
    /// itself holds CRCs from looking valid).
    public static func masked<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        let crc = checksum(bytes)
        return ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
    }
}
