import Experiment
import Testing

@Test("the rate is measured over the recent window, so the fast warm-up stops counting")
func recentRate() throws {
    var rate = ProgressRate(window: 10)
    #expect(rate.stepsPerSecond == nil && rate.secondsLeft(total: 100) == nil)
    // Warm-up: 1,000 steps in the first second; then 10 steps a second.
    rate.record(step: 0, time: 0)
    rate.record(step: 1_000, time: 1)
    #expect(rate.stepsPerSecond == 1_000)
    for second in 2...30 { rate.record(step: 1_000 + 10 * (second - 1), time: Double(second)) }
    #expect(rate.stepsPerSecond == 10)
    // 1,290 done at 30 s: 8,710 to go at 10 a second.
    #expect(rate.secondsLeft(total: 10_000) == 871)
    #expect(rate.secondsLeft(total: 1_000) == 0)
}

@Test("a stalled run has no time left to show, not an infinite one")
func stalledRate() {
    var rate = ProgressRate()
    rate.record(step: 500, time: 3)
    rate.record(step: 500, time: 4)
    #expect(rate.stepsPerSecond == 0)
    #expect(rate.secondsLeft(total: 1_000) == nil)
}

@Test("durations print as H:MM:SS, unknown ones as dashes")
func clockText() {
    #expect(ProgressRate.clockText(0) == "0:00:00")
    #expect(ProgressRate.clockText(59.6) == "0:01:00")
    #expect(ProgressRate.clockText(3_725) == "1:02:05")
    #expect(ProgressRate.clockText(100 * 3_600) == "100:00:00")
    #expect(ProgressRate.clockText(nil) == "-:--:--")
    #expect(ProgressRate.clockText(.infinity) == "-:--:--")
    #expect(ProgressRate.clockText(-1) == "-:--:--")
}
