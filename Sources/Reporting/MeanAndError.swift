/// The mean of a sample and its standard error (sample standard deviation / sqrt(n)): how curves and
/// tables summarise the seeds of a method.
public struct MeanAndError: Sendable, Equatable {
    /// The arithmetic mean.
    public let mean: Double
    /// Standard error of the mean, with the n - 1 sample standard deviation; nil for one value.
    public let standardError: Double?
    /// How many values.
    public let count: Int

    /// The mean and standard error of `values` (nil when there are none).
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let n = Double(values.count)
        mean = values.reduce(0, +) / n
        count = values.count
        if values.count > 1 {
            let mean = self.mean
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
            standardError = (variance / n).squareRoot()
        } else {
            standardError = nil
        }
    }
}
