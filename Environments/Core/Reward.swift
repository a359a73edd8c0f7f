/// The reward-shaping building blocks of Meta-World v2 (taken from dm_control's `tolerance`).
///
/// Every task's reward is a combination of these terms, so rewards across tasks share one scale: each
/// term is 1 inside its target bounds and decays smoothly outside, and a task pays 10 in its solved zone.
public enum Reward {
    /// The shape of the decay of a `tolerance` term outside its bounds.
    public enum Sigmoid: Sendable {
        /// `1 / ((d s)^2 + 1)`: heavy tail, so a far-away agent still sees a gradient (Meta-World's default).
        case longTail
        /// `exp(-(d s)^2 / 2)`: decays fast once past the margin.
        case gaussian
    }

    /// dm_control's `tolerance(x, bounds, margin, sigmoid, value_at_margin)`.
    ///
    /// Returns 1 when `x` lies in [`lower`, `upper`]; otherwise `d` = distance to the nearest bound divided
    /// by `margin`, and the value decays with `sigmoid` so that it equals `valueAtMargin` (0.1) at `d = 1`.
    /// A zero margin makes the term a plain indicator. The result is always in [0, 1].
    @inlinable
    public static func tolerance(_ x: Double, lower: Double = 0, upper: Double, margin: Double, sigmoid: Sigmoid = .longTail, valueAtMargin: Double = 0.1) -> Double {
        if x >= lower && x <= upper { return 1 }
        guard margin > 0, x.isFinite else { return 0 }
        let d = (x < lower ? lower - x : x - upper) / margin
        switch sigmoid {
        case .longTail:
            let scale = (1 / valueAtMargin - 1).squareRoot()
            let scaled = d * scale
            return 1 / (scaled * scaled + 1)
        case .gaussian:
            let scale = (-2 * ScalarMath.log(valueAtMargin)).squareRoot()
            let scaled = d * scale
            return ScalarMath.exp(-0.5 * scaled * scaled)
        }
    }

    /// A reach term for a point the fingertip must actually get to (a handle it must hold), in [0, 1]:
    /// half a long-tail tolerance with margin `margin` (the initial distance, so the far approach is
    /// shaped) and half a Gaussian tolerance with a 2 cm margin, so that hovering a centimetre or two
    /// away pays clearly less than being there (0.56 of the sharp half at 1 cm, 0.1 at 2 cm), as
    /// Meta-World's dense caging terms make the last centimetres count.
    @inlinable
    public static func pointReach(_ distance: Double, margin: Double) -> Double {
        0.5 * tolerance(distance, upper: 0, margin: margin) + 0.5 * tolerance(distance, upper: 0, margin: 0.02, sigmoid: .gaussian)
    }

    /// The Hamacher product `ab / (a + b - ab)`: a soft AND of two terms in [0, 1] (0 when both are 0).
    @inlinable
    public static func hamacher(_ a: Double, _ b: Double) -> Double {
        let denominator = a + b - a * b
        return denominator > 0 ? a * b / denominator : 0
    }
}
