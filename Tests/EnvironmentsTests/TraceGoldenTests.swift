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
    static let expected: [String: (random: UInt64, expert: UInt64)] = [
        "assembly": (0x6E9954A7FADBFCAE, 0x6E91473CFABCE727),
        "basketball": (0x1EF4CED0ED3C1C37, 0xA347A053F4E4D3A6),
        "bin-picking": (0x8FF0FEEB9C0B2CBE, 0x153B2ECFFD7F8015),
        "box-close": (0xEB2989C07B7320E8, 0x5FF8EF69BB5A0CDD),
        "button-press-topdown": (0xD3A23AABFE38C3ED, 0xF6D017B6D4E4DEE1),
        "button-press-topdown-wall": (0xE0F8F906EB64D6D, 0x30E9DBD3EFD37EF4),
        "button-press": (0xF434DAAE8B32D8A1, 0xA9BF0A4963BF8E88),
        "button-press-wall": (0x8494A3505CDBAF36, 0xDBCEA69F1636EF8B),
        "coffee-button": (0xA5D5130861320453, 0x8A7EFE91CE7580CA),
        "coffee-pull": (0xAA078EF81082E455, 0xA25BDAE87288136C),
        "coffee-push": (0x23445D87AE24E800, 0xBCEFEA24F263F223),
        "dial-turn": (0x897B3219EC75FFCD, 0xF5836CB1BF5165B4),
        "disassemble": (0x56C77D5A425B552C, 0xFFA8A9E1F5A5523),
        "door-close": (0x8F610A3518A8072F, 0x761139B510B63E2C),
        "door-lock": (0xC19181604FEE6455, 0xB8FDDEDB6515E83E),
        "door-open": (0x650E4F3BE1EB4E44, 0xB43DF10E06833431),
        "door-unlock": (0x25C4B622A4E468B0, 0x5666B68A8424A40E),
        "hand-insert": (0x42CFC3054CDB5F81, 0x55EFC6788F5884AC),
        "drawer-close": (0x1C83BF5783D5C543, 0x7939A5701095EA63),
        "drawer-open": (0x5FF326E38A24A119, 0x59ECE25D54A7F88D),
        "faucet-open": (0x53F69156BDF3917D, 0xA072FBE1DB50CEC3),
        "faucet-close": (0xCC70227C3AB6E786, 0x9BA719C6641183E1),
        "hammer": (0x873E7F588A1EA7F2, 0xBF0336C0BBB367CC),
        "handle-press-side": (0x6D31A54FDE5B7A9B, 0xF7B137D06CFC2E3B),
        "handle-press": (0x7715B98DE9782AEB, 0xCDDAB5B1C5F0C3C7),
        "handle-pull-side": (0x6995FD01F6FCC667, 0x8F44F8D4DD23D28),
        "handle-pull": (0x9549081D0512981, 0xD8BADF0C07AF3FAD),
        "lever-pull": (0xF7EBA02C534E7E58, 0x44A22D0F8589D7F9),
        "pick-place-wall": (0xD143EF1385DA44EB, 0x324747C025D7E2AC),
        "pick-out-of-hole": (0xFAA3D08B1ED6C2AF, 0x114ED9E4921B982E),
        "pick-place": (0xEEF87D42B9B24328, 0x1EB376D21C566A2B),
        "plate-slide": (0xF6D939889A3F08D2, 0x7C784CDCA810A1FB),
        "plate-slide-side": (0xA255D37E71DE2C9F, 0x6E08FBB69DAD7003),
        "plate-slide-back": (0xF7BC924B2716408, 0x7E0E99ED389AB9B8),
        "plate-slide-back-side": (0xA5358F26B8EEF859, 0x1E4C2AC960957717),
        "peg-insert-side": (0xC4C398F918FD6579, 0xB83275292E71915B),
        "peg-unplug-side": (0xF4AD0E93A6664A8, 0x202CBBC4196E61AA),
        "soccer": (0xF8BE75CB98EAF530, 0xF461B4D94CCA91A8),
        "stick-push": (0xFAC8DB89E23AFCE9, 0xA3B83DA60F387065),
        "stick-pull": (0xABAA73AECDC46E77, 0xAA3BA8C058B82703),
        "push": (0x5492F9AF4C2B234C, 0x23DD50A3F2D3D172),
        "push-wall": (0xE001230BF8FF58B2, 0xC2EABE7543D3496F),
        "push-back": (0x46EF6208C51063E2, 0x74C61E1A0C8E0C97),
        "reach": (0x792F4C8E2011D9D, 0x32D6D1C26D41D236),
        "reach-wall": (0x3EAAB4892C6979CF, 0x5F4C3FF7226D2B35),
        "shelf-place": (0xC9B453294E3D3F6, 0x997C006865CB7372),
        "sweep-into": (0xC9FF66FACF1E4DFD, 0x760BDEFA4AE2D5FE),
        "sweep": (0x8ACE3560074965FB, 0x3F63B71D2E36DE2A),
        "window-open": (0x8DCEED2048B363DC, 0xB300BB1DB17598A1),
        "window-close": (0x2A7FE7A7EDA89D8E, 0x924AA521B5908F7B),
    ]

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
