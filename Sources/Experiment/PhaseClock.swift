import Foundation

/// Splits a loop's wall time into phases (environment, replay, update, evaluation, logging) by
/// charging the time between consecutive `start` calls to the phase started first.
struct PhaseClock {
    enum Phase: String, CaseIterable {
        case environment, replay, update, evaluation, logging
    }

    private var seconds: [Phase: Double] = [:]
    private var current: Phase?
    private var since: UInt64 = 0

    mutating func start(_ phase: Phase) {
        let now = DispatchTime.now().uptimeNanoseconds
        if let current { seconds[current, default: 0] += Double(now - since) / 1e9 }
        current = phase
        since = now
    }

    mutating func stop() {
        if let current { seconds[current, default: 0] += Double(DispatchTime.now().uptimeNanoseconds - since) / 1e9 }
        current = nil
    }

    /// Seconds charged so far, plus the running phase.
    var total: Double {
        let running = current.map { _ in Double(DispatchTime.now().uptimeNanoseconds - since) / 1e9 } ?? 0
        return seconds.values.reduce(0, +) + running
    }

    /// Each phase's fraction of the total.
    var shares: [String: Double] {
        let sum = max(seconds.values.reduce(0, +), 1e-12)
        return Dictionary(uniqueKeysWithValues: Phase.allCases.map { ($0.rawValue, (seconds[$0] ?? 0) / sum) })
    }
}
