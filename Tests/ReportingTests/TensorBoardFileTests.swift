import Foundation
import Reporting
import Testing

// Golden values: the CRC-32C check value of "123456789" is the standard catalogue's 0xE3069283; the
// masked CRC and the framed record of "abc" were computed independently with TensorBoard's own Python
// implementation (tensorboard.compat.tensorflow_stub.pywrap_tensorflow.masked_crc32c).

@Test("CRC-32C and its masked form match the known vectors")
func crc32cKnownVectors() {
    #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    #expect(CRC32C.masked(Array("123456789".utf8)) == 0xC78A_B0E5)
    #expect(CRC32C.checksum([UInt8]()) == 0)
}

@Test("a TFRecord frames its data with length and masked CRCs, little-endian")
func recordFraming() {
    let framed = TFRecord.frame(Array("abc".utf8))
    #expect(framed == [3, 0, 0, 0, 0, 0, 0, 0, 176, 153, 73, 14, 97, 98, 99, 110, 87, 241, 33])
}

@Test("reading records stops at a truncated or corrupted tail")
func recordReading() {
    let first = TFRecord.frame([1, 2, 3]), second = TFRecord.frame(Array(repeating: 7, count: 300))
    let both = first + second
    #expect(TFRecord.records(in: both).records == [[1, 2, 3], Array(repeating: 7, count: 300)])
    let cut = Array(both.dropLast(2))
    #expect(TFRecord.records(in: cut).records == [[1, 2, 3]])
    #expect(TFRecord.records(in: cut).validLength == first.count)
    var corrupted = both
    corrupted[first.count + 20] ^= 1
    #expect(TFRecord.records(in: corrupted).records == [[1, 2, 3]])
}

@Test("an event's step survives encoding, whatever the other fields hold")
func eventStep() {
    let event = TensorBoardEvent(wallTime: 1.5e9, step: 123_456_789, scalars: [("eval/success_rate/reach", 0.5), ("x", -1)])
    #expect(TensorBoardEvent.step(ofEncoded: event.encoded()) == 123_456_789)
    #expect(TensorBoardEvent.step(ofEncoded: TensorBoardEvent(wallTime: 0, step: 0, fileVersion: "brain.Event:2").encoded()) == 0)
    #expect(TensorBoardEvent.step(ofEncoded: [0x10, 0x80]) == nil)
}

@Test("reopening an event file at a step drops the events logged after it")
func resumeTruncates() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tfevents-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let writer = try EventFileWriter(folder: folder)
    for step in [10, 20, 30] { try writer.write(step: step, scalars: [("loss", Double(step))]) }
    let url = writer.url
    let resumed = try EventFileWriter(folder: folder, resumingAt: 20)
    #expect(resumed.url == url)
    try resumed.write(step: 30, scalars: [("loss", 31)])
    let records = TFRecord.records(in: [UInt8](try Data(contentsOf: url))).records
    #expect(records.compactMap(TensorBoardEvent.step(ofEncoded:)) == [0, 10, 20, 30])
}
