import Synchronization

/// The message of the last failed call in this process (empty after none), read with `mtrl_last_error`.
let lastError = Mutex<String>("")

/// Runs `body`; returns 0, or records the error's message and returns its code. Never traps on a
/// user mistake: everything a caller can pass wrong is checked and thrown as a `BatchError`.
func reporting(_ body: () throws(BatchError) -> Void) -> Int32 {
    do {
        try body()
        return 0
    } catch {
        lastError.withLock { $0 = error.description }
        return error.code
    }
}

/// Copies `text` as UTF-8 with a terminating NUL into `buffer` of `capacity` bytes, cutting it short
/// when it does not fit (a NUL is always written when `capacity` > 0). Returns the full UTF-8 length.
func copyText(_ text: String, to buffer: UnsafeMutablePointer<CChar>?, capacity: Int64) -> Int64 {
    let bytes = Array(text.utf8)
    if let buffer, capacity > 0 {
        let count = min(bytes.count, Int(capacity) - 1)
        for i in 0..<count { buffer[i] = CChar(bitPattern: bytes[i]) }
        buffer[count] = 0
    }
    return Int64(bytes.count)
}
