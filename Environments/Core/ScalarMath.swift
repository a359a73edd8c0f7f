/// Elementary functions written on the standard library alone, so `Environments` needs neither
/// Foundation nor the platform C library. Each sums its series until the sum stops changing, which gives
/// double precision; none is on the per-step hot path of a task that does not rotate anything.
@usableFromInline
enum ScalarMath {
    /// ln 2 to double precision.
    @usableFromInline static let ln2 = 0.693_147_180_559_945_3

    /// Natural logarithm for x > 0: `ln x = 2 atanh((m - 1)/(m + 1)) + e ln 2` after splitting x = m 2^e.
    @usableFromInline
    static func log(_ x: Double) -> Double {
        guard x > 0 else { return x == 0 ? -.infinity : .nan }
        var mantissa = x.significand
        var exponent = Double(x.exponent)
        if mantissa > 1.414_213_562_373_095 {
            mantissa /= 2
            exponent += 1
        }
        let t = (mantissa - 1) / (mantissa + 1)
        let t2 = t * t
        var term = t
        var sum = 0.0
        var k = 1.0
        while true {
            let next = sum + term / k
            if next == sum { break }
            sum = next
            term *= t2
            k += 2
        }
        return 2 * sum + exponent * ln2
    }

    /// The exponential function: `e^x = 2^k e^r` with |r| <= ln2 / 2, r's Taylor series summed to convergence.
    @usableFromInline
    static func exp(_ x: Double) -> Double {
        if x < -745 { return 0 }
        if x > 709 { return .infinity }
        let k = (x / ln2).rounded()
        let r = x - k * ln2
        var term = 1.0
        var sum = 1.0
        var n = 1.0
        while true {
            term *= r / n
            let next = sum + term
            if next == sum { break }
            sum = next
            n += 1
        }
        return Double(sign: .plus, exponent: Int(k), significand: sum)
    }

    /// Sine and cosine of `x` (radians), after reducing x into [-pi, pi].
    @usableFromInline
    static func sinCos(_ x: Double) -> (sin: Double, cos: Double) {
        let twoPi = 2 * Double.pi
        var r = x - (x / twoPi).rounded() * twoPi
        if r > .pi { r -= twoPi }
        let r2 = r * r
        var sinTerm = r
        var sinSum = r
        var cosTerm = 1.0
        var cosSum = 1.0
        var n = 1.0
        while true {
            sinTerm *= -r2 / ((n + 1) * (n + 2))
            cosTerm *= -r2 / (n * (n + 1))
            let nextSin = sinSum + sinTerm
            let nextCos = cosSum + cosTerm
            if nextSin == sinSum && nextCos == cosSum { break }
            sinSum = nextSin
            cosSum = nextCos
            n += 2
        }
        return (sinSum, cosSum)
    }
}
