import COpenBLAS
import Foundation

/// The OpenBLAS kernels behind `matmul` and the convolutions.
///
/// Debian's OpenBLAS 0.3.21 does not recognise recent Xeons (Sapphire Rapids and later): it falls
/// back to its generic "Prescott" kernels, about 10× slower than the AVX-512 ones the CPU can run
/// (measured here: sgemm 100×1450·1450×600 at ≈11 GFLOP/s instead of ≈140). OpenBLAS reads
/// `OPENBLAS_CORETYPE` only when it loads, so before the first product we check: if the user set
/// no core type, the detected core is the fallback, and the CPU reports the needed instruction
/// sets, we name the matching kernels and re-run OpenBLAS's own dynamic-architecture start-up.
public enum LinearAlgebraBackend {
    /// The OpenBLAS kernel family in use (e.g. "SkylakeX"), after the check above.
    public static var coreName: String {
        _ = prepared
        return String(cString: openblas_get_corename())
    }

    /// Threads used by matrix products, convolutions, elementwise loops and reductions; defaults
    /// to the cores available. Benchmarks set 1 and 2 and keep the faster. Set it between
    /// computations, not while one runs on another thread.
    ///
    /// The threads are this module's (`Parallel`), never OpenBLAS's: OpenBLAS runs on the calling
    /// thread and large products are cut into blocks, one per core. OpenBLAS's own workers spin
    /// (`sched_yield`) for a while after each product, and took the cores our loops between two
    /// products needed: the convolutional VQ-VAE ran no faster on 2 threads than on 1.
    public static var threadCount: Int {
        get { Parallel.coreCount }
        set { Parallel.coreCount = Swift.max(1, newValue) }
    }

    /// Runs once, before the first BLAS call made through this module: OpenBLAS to one thread
    /// (see `threadCount`), and its kernels chosen as described above. True if they were changed.
    static let prepared: Bool = {
        defer { openblas_set_num_threads(1) }
        let detected = String(cString: openblas_get_corename()).lowercased()
        guard ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil,
              detected == "prescott" || detected == "unknown",
              let flags = cpuFlags(),
              let coreType = bestCoreType(flags: flags),
              let quit = dlsym(nil, "gotoblas_dynamic_quit"),          // nil is RTLD_DEFAULT on glibc
              let initialize = dlsym(nil, "gotoblas_dynamic_init")
        else { return false }
        typealias Procedure = @convention(c) () -> Void
        setenv("OPENBLAS_CORETYPE", coreType, 0)
        unsafeBitCast(quit, to: Procedure.self)()
        unsafeBitCast(initialize, to: Procedure.self)()
        unsetenv("OPENBLAS_CORETYPE")
        return true
    }()

    /// The most capable OpenBLAS kernel family these CPU flags can run, if better than the fallback.
    static func bestCoreType(flags: Set<String>) -> String? {
        if flags.isSuperset(of: ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]) { return "SkylakeX" }
        if flags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        return nil
    }

    /// The instruction-set flags of the first CPU in /proc/cpuinfo (Linux), or nil elsewhere.
    private static func cpuFlags() -> Set<String>? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return nil }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }
}
