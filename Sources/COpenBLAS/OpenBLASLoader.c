// Defines the functions COpenBLAS.h declares by forwarding to libopenblas.so.0, loaded on the first call.
#include "COpenBLAS.h"
#include "CSharedLibrary.h"
#include <dlfcn.h>

// RTLD_GLOBAL: LinearAlgebraBackend looks up gotoblas_dynamic_quit/init with dlsym(RTLD_DEFAULT, ...).
static struct shared_library openblas = SHARED_LIBRARY_INITIALIZER(C_OPENBLAS_LIBRARY, RTLD_NOW | RTLD_GLOBAL);

void cblas_sgemm(const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE transposeA, const enum CBLAS_TRANSPOSE transposeB,
                 const int m, const int n, const int k, const float alpha, const float *a, const int lda,
                 const float *b, const int ldb, const float beta, float *c, const int ldc) {
    SHARED_LIBRARY_FUNCTION(openblas, cblas_sgemm)(order, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void cblas_somatcopy(const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE transpose, const int rows, const int columns,
                     const float alpha, const float *a, const int lda, float *b, const int ldb) {
    SHARED_LIBRARY_FUNCTION(openblas, cblas_somatcopy)(order, transpose, rows, columns, alpha, a, lda, b, ldb);
}

char *openblas_get_corename(void) {
    return SHARED_LIBRARY_FUNCTION(openblas, openblas_get_corename)();
}

void openblas_set_num_threads(int threadCount) {
    SHARED_LIBRARY_FUNCTION(openblas, openblas_set_num_threads)(threadCount);
}
