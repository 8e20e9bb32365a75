import CellRuntime

extension Interpreter {
    /// Refuses a collection too large for this machine before a cell builds it: Swift stops the process when an
    /// allocation fails, which would lose every variable of the session. Throws a run-time fault naming `what`
    /// when `count` elements of `bytesEach` bytes would not fit in the memory available now.
    func checkMemory(count: Int, bytesEach: Int, what: String) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: bytesEach)
        if overflow {
            throw CellLanguageError.runtimeFault("\(what) has more bytes than an Int can count")
        }
        if let shortfall = host?.memoryShortfall(forBytes: bytes) {
            throw CellLanguageError.runtimeFault("\(what): \(shortfall)")
        }
    }
}
