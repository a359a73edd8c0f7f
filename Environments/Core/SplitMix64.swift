/// A tiny seedable random number generator (SplitMix64) for sampling layouts and reset choices.
///
/// The environments must not depend on the learning stack, so they carry their own generator. SplitMix64
/// passes BigCrush, is one word of state, and its sequence is fixed by the seed on every platform, which
/// is what makes layouts and episodes reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    /// The whole state of the generator; copying it forks an identical sequence.
    public private(set) var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform `Double` in [0, 1) built from the top 53 bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A uniform `Double` in [`lower`, `upper`]; returns `lower` when the interval is empty.
    public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        upper > lower ? lower + (upper - lower) * nextUnit() : lower
    }

    /// A stable 64-bit hash of `text` (FNV-1a), used to give every task its own layout stream from one seed.
    public static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
        return value
    }
}
