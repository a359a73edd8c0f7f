/// The recent speed of a run and the time it still needs, from (time, step) samples.
///
/// The rate is measured over roughly the last `window` seconds of samples, not since the start, so the
/// warm-up's fast random steps stop counting soon after updates begin; the time left is the steps still
/// to go at that rate. Pure: the caller supplies the clock, so tests need no waiting.
public struct ProgressRate: Sendable {
    /// Seconds of samples the rate looks back over.
    public let window: Double
    private var times: [Double] = []
    private var steps: [Int] = []

    /// An estimator looking back `window` seconds (30 by default).
    public init(window: Double = 30) {
        self.window = window
    }

    /// Records that `step` steps were done at `time` seconds (any clock that only moves forward).
    public mutating func record(step: Int, time: Double) {
        times.append(time)
        steps.append(step)
        while times.count > 2 && times[1] <= time - window {
            times.removeFirst()
            steps.removeFirst()
        }
    }

    /// Steps per second over the window; nil until two samples lie apart in time.
    public var stepsPerSecond: Double? {
        guard let first = times.first, let last = times.last, last > first else { return nil }
        return Double(steps.last! - steps.first!) / (last - first)
    }

    /// Seconds to reach `total` steps at the recent rate; nil while the rate is unknown or zero.
    public func secondsLeft(total: Int) -> Double? {
        guard let rate = stepsPerSecond, rate > 0, let step = steps.last else { return nil }
        return Double(max(total - step, 0)) / rate
    }

    /// Seconds as `H:MM:SS`, or `-:--:--` when unknown.
    public static func clockText(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0, seconds < 1e9 else { return "-:--:--" }
        let whole = Int(seconds.rounded())
        return "\(whole / 3600):" + String(whole / 60 % 60).leftPadded(to: 2) + ":" + String(whole % 60).leftPadded(to: 2)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(width - count, 0)) + self
    }
}
