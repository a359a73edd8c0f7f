internal import COpenBLAS
#if canImport(Glibc)
import Glibc
#endif

/// Which of OpenBLAS's kernels this process uses, fixed before the first product.
///
/// Debian 12's OpenBLAS (0.3.21) does not recognise CPUs newer than itself, such as Intel's Sapphire
/// Rapids, and falls back to its Prescott (SSE3) kernels there. They are slower, and they round
/// differently from the kernels every other x86 machine gets: the CAGrad property tests' degenerate
/// cases (more tasks than dimensions) fail with them and pass with the SkylakeX, Haswell and Zen
/// kernels. So when OpenBLAS reports Prescott on a CPU that has AVX-512 (F, BW, DQ, VL), the SkylakeX
/// kernels are selected instead, or the Haswell ones with AVX2 and FMA. A core the user chose with
/// `OPENBLAS_CORETYPE` is kept as it is. Child processes inherit the choice through that variable.
enum OpenBLASKernels {
    /// The name of the kernels in use (OpenBLAS's core name), after the choice above.
    static let coreName: String = select()

    /// Applies the rule above once, and returns the core name OpenBLAS then reports.
    private static func select() -> String {
        let detected = String(cString: openblas_get_corename())
        guard detected.lowercased() == "prescott", getenv("OPENBLAS_CORETYPE") == nil else { return detected }
        let core: String
        if mtrl_cpu_has_avx512() != 0 {
            core = "SkylakeX"
        } else if mtrl_cpu_has_avx2() != 0 {
            core = "Haswell"
        } else {
            return detected
        }
        setenv("OPENBLAS_CORETYPE", core, 1)
        guard mtrl_openblas_reselect_kernels() != 0 else { return detected }
        return String(cString: openblas_get_corename())
    }
}
