import Glibc

/// Draws Zipf-distributed ranks in `1...n` in constant time, for any `n`, by rejection-inversion
/// (Hörmann and Derflinger, "Rejection-inversion to generate variates from monotone discrete
/// distributions", 1996). The key space grows during a run, so nothing depends on `n` up front.
struct ZipfianSampler: Sendable {
    private let exponent: Double
    private let hIntegralX1: Double
    private let squeeze: Double

    /// - Parameter exponent: the skew, greater than 0 (0.99 is the customary "hot keys" setting).
    init(exponent: Double) {
        precondition(exponent > 0, "a Zipf exponent is positive")
        self.exponent = exponent
        hIntegralX1 = Self.hIntegral(1.5, exponent: exponent) - 1
        squeeze = 2 - Self.hIntegralInverse(Self.hIntegral(2.5, exponent: exponent) - Self.h(2, exponent: exponent), exponent: exponent)
    }

    /// A rank in `1...count`, 1 the most likely.
    func rank(in count: Int, using generator: inout SplitMix64) -> Int {
        let hIntegralN = Self.hIntegral(Double(count) + 0.5, exponent: exponent)
        while true {
            let u = hIntegralN + generator.unit() * (hIntegralX1 - hIntegralN)
            let x = Self.hIntegralInverse(u, exponent: exponent)
            let k = min(max(Int(x + 0.5), 1), count)
            if Double(k) - x <= squeeze
                || u >= Self.hIntegral(Double(k) + 0.5, exponent: exponent) - Self.h(Double(k), exponent: exponent) {
                return k
            }
        }
    }

    /// The unnormalized probability of rank `x`: `x^-exponent`.
    private static func h(_ x: Double, exponent: Double) -> Double {
        exp(-exponent * log(x))
    }

    /// An antiderivative of ``h(_:exponent:)``.
    private static func hIntegral(_ x: Double, exponent: Double) -> Double {
        let logX = log(x)
        return expm1OverX((1 - exponent) * logX) * logX
    }

    /// The inverse of ``hIntegral(_:exponent:)``.
    private static func hIntegralInverse(_ x: Double, exponent: Double) -> Double {
        let t = max(x * (1 - exponent), -1)
        return exp(log1pOverX(t) * x)
    }

    /// `log1p(x) / x`, continuous at 0.
    private static func log1pOverX(_ x: Double) -> Double {
        abs(x) > 1e-8 ? log1p(x) / x : 1 - x * (0.5 - x * (1.0 / 3.0 - 0.25 * x))
    }

    /// `expm1(x) / x`, continuous at 0.
    private static func expm1OverX(_ x: Double) -> Double {
        abs(x) > 1e-8 ? expm1(x) / x : 1 + x * 0.5 * (1 + x * (1.0 / 3.0) * (1 + 0.25 * x))
    }
}
