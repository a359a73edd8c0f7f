import Environments
import Testing

/// A 64-bit FNV-1a hash fed byte by byte, little-endian.
struct TraceHasher {
    /// The running hash.
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Folds the eight bytes of `word` into the hash.
    mutating func fold(_ word: UInt64, bytes: Int = 8) {
        for i in 0..<bytes {
            value ^= (word >> UInt64(8 * i)) & 0xFF
            value &*= 0x0000_0100_0000_01B3
        }
    }

    /// Folds every float's bit pattern.
    mutating func fold(_ floats: [Float]) {
        for f in floats { fold(UInt64(f.bitPattern), bytes: 4) }
    }
}

/// The hash of one 150-step episode of `task` on layout 0 of an environment seeded with 1: every
/// observation (the initial one and one after each step), every reward's bit pattern and success flag.
/// `expert` picks the scripted expert; otherwise actions are uniform in [-1, 1]^4 from a generator seeded with 1.
func traceHash<T: ManipulationTask>(_ task: T, expert: Bool) -> UInt64 {
    var environment = TaskEnvironment(task: task, seed: 1, horizon: 150, layoutMode: .fixed)
    environment.reset(layout: 0)
    var generator = SplitMix64(seed: 1)
    var hasher = TraceHasher()
    hasher.fold(environment.observation)
    for _ in 0..<150 {
        let action = expert
            ? environment.expertAction()
            : Action(generator.uniform(-1, 1), generator.uniform(-1, 1), generator.uniform(-1, 1), generator.uniform(-1, 1))
        let outcome = environment.step(action)
        hasher.fold(environment.observation)
        hasher.fold(outcome.reward.bitPattern)
        hasher.fold(outcome.success ? 1 : 0, bytes: 1)
    }
    return hasher.value
}

/// Pins every task's trajectories bit for bit, so a refactoring of the tasks provably changes nothing
/// observable. Regenerate the table only for an intended change in behaviour.
@Suite("Golden traces of every task")
struct TraceGoldenTests {
    /// Task name to (random-action hash, expert hash).
    static let expected: [String: (random: UInt64, expert: UInt64)] = [:]

    @Test("every task's random and expert episode hashes match the recorded ones")
    func tracesMatch() {
        var mismatches: [String] = []
        var table: [String] = []
        for task in TaskCatalog.all {
            let random = traceHash(task, expert: false)
            let expert = traceHash(task, expert: true)
            table.append("        \"\(task.name)\": (0x\(String(random, radix: 16, uppercase: true)), 0x\(String(expert, radix: 16, uppercase: true))),")
            let recorded = Self.expected[task.name]
            if recorded?.random != random || recorded?.expert != expert { mismatches.append(task.name) }
        }
        #expect(Self.expected.count == TaskCatalog.all.count)
        #expect(mismatches == [], "actual table:\n\(table.joined(separator: "\n"))")
    }
}
