#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The generator's only source of randomness: xoshiro256** seeded through SplitMix64.
///
/// Implemented here, not taken from the standard library, because the system
/// generator is not seedable and its algorithm may change between toolchains;
/// a recording must be reproducible bit for bit from its seed.
public struct SimulationRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose whole stream is fixed by `seed`.
    public init(seed: UInt64) {
        // SplitMix64 spreads any seed (even 0) over the 256-bit state, as the
        // xoshiro authors recommend.
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A generator for an independent sub-stream, so that adding draws to one
    /// part of the model does not shift every later part.
    public mutating func fork() -> SimulationRandom { SimulationRandom(seed: next()) }

    /// Uniform in [0, 1), from the top 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in [a, b).
    public mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }

    /// Uniform integer in the closed range.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A standard normal deviate (Box-Muller; one value per call for simplicity).
    public mutating func normal() -> Double {
        let u1 = 1 - unit()  // (0, 1], so the log is finite
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A normal deviate with the given mean and standard deviation.
    public mutating func normal(_ mean: Double, _ sd: Double) -> Double { mean + sd * normal() }

    /// A normal deviate limited to `mean ± limit·sd`, so that a rare draw cannot
    /// produce a physically absurd value (a negative duration, a 200° tilt).
    public mutating func normal(_ mean: Double, _ sd: Double, clampedTo limit: Double) -> Double {
        let z = Swift.max(-limit, Swift.min(limit, normal()))
        return mean + sd * z
    }

    /// A log-normal factor with median 1 and the given log-space standard deviation;
    /// used for durations and amplitudes, which vary multiplicatively.
    public mutating func factor(_ logSD: Double) -> Double { exp(normal(0, logSD, clampedTo: 2.5)) }

    /// One element chosen uniformly.
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}
