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
        return TimingSummary(samples: (0..<max(repeats, 1)).map { _ in seconds(body) })
    }

    /// The summary of timed runs `samples` (seconds, at least one).
    init(samples: [Double]) {
        let sorted = samples.sorted()
        median = sorted[sorted.count / 2]
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
        repeats = sorted.count
    }

    /// The wall-clock seconds one run of `body` takes.
    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
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
