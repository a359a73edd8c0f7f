#include <cblas.h>

/* OpenBLAS's kernel table of a DYNAMIC_ARCH build (Debian's): quit forgets the table, init picks one
   again, reading OPENBLAS_CORETYPE. Weak, so a build without them still links; see
   mtrl_openblas_reselect_kernels. */
extern void gotoblas_dynamic_init(void) __attribute__((weak));
extern void gotoblas_dynamic_quit(void) __attribute__((weak));

/* Whether the CPU (and the operating system) run AVX-512 F, BW, DQ and VL: what OpenBLAS's SkylakeX
   kernels use. */
static inline int mtrl_cpu_has_avx512(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
        && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
}

/* Whether the CPU runs AVX2 and FMA: what OpenBLAS's Haswell kernels use. */
static inline int mtrl_cpu_has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

/* Makes OpenBLAS choose its kernels again (after OPENBLAS_CORETYPE was set); 0 when this OpenBLAS
   cannot (not a DYNAMIC_ARCH build). Call it before any product, from one thread. */
static inline int mtrl_openblas_reselect_kernels(void) {
    if (!gotoblas_dynamic_init || !gotoblas_dynamic_quit) return 0;
    gotoblas_dynamic_quit();
    gotoblas_dynamic_init();
    return 1;
}
