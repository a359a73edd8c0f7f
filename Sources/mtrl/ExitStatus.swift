/// Exit statuses of `mtrl` beyond ArgumentParser's 0 (success), 1 (an error, with its message) and 64
/// (a command-line mistake, with the usage).
enum ExitStatus {
    /// Stopped by SIGINT or SIGTERM after writing a checkpoint; `mtrl train --resume` continues the run
    /// (EX_TEMPFAIL: try again later).
    static let interrupted: Int32 = 75
}
