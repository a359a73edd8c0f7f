import Foundation

/// Wall-clock timing for benchmarks: a body is run `repeats` times and the median, minimum and maximum
/// are reported, because this machine is shared and noisy and one sample says little.
struct TimingSummary: Codable {
    /// Median seconds per run.
    let median: Double
    /// Fastest run, seconds.
    let minimum: Double
    /// Slowest run, seconds.
    let maximum: Double
    /// Number of timed runs.
    let repeats: Int

    /// Runs `body` once untimed (warm-up), then `repeats` times timed.
    static func measure(repeats: Int, _ body: () -> Void) -> TimingSummary {
        body()
        var samples = [Double]()
        for _ in 0..<max(repeats, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        samples.sort()
        return TimingSummary(median: samples[samples.count / 2], minimum: samples[0], maximum: samples[samples.count - 1], repeats: samples.count)
    }

    /// "12.3 ms (11.9-13.0)" style text.
    var text: String {
        "\(Self.milliseconds(median)) (\(Self.milliseconds(minimum))-\(Self.milliseconds(maximum)))"
    }

    static func milliseconds(_ seconds: Double) -> String {
        String(format: seconds < 0.01 ? "%.3f ms" : "%.1f ms", seconds * 1000)
    }
}

/// Prints `value` as pretty, key-sorted JSON on standard output.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
