#ifndef C_OPENBLAS_H
#define C_OPENBLAS_H

/// The part of OpenBLAS's CBLAS interface this package calls, declared as in OpenBLAS's cblas.h.
///
/// The functions are defined in OpenBLASLoader.c, which loads libopenblas.so.0 on the first call
/// instead of when the process starts: a kernel that has not multiplied a matrix yet starts without
/// OpenBLAS (its start-up allocates buffers and starts a thread pool).

typedef enum CBLAS_ORDER { CblasRowMajor = 101, CblasColMajor = 102 } CBLAS_ORDER;
typedef enum CBLAS_TRANSPOSE { CblasNoTrans = 111, CblasTrans = 112, CblasConjTrans = 113, CblasConjNoTrans = 114 } CBLAS_TRANSPOSE;

/// C = alpha · op(A) · op(B) + beta · C.
void cblas_sgemm(const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE transposeA, const enum CBLAS_TRANSPOSE transposeB,
                 const int m, const int n, const int k, const float alpha, const float *a, const int lda,
                 const float *b, const int ldb, const float beta, float *c, const int ldc);

/// B = alpha · op(A), out of place.
void cblas_somatcopy(const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE transpose, const int rows, const int columns,
                     const float alpha, const float *a, const int lda, float *b, const int ldb);

/// The name of the kernel family OpenBLAS chose for this CPU.
char *openblas_get_corename(void);

/// The number of threads OpenBLAS's products use.
void openblas_set_num_threads(int threadCount);

/// The path or name of the shared library loaded on first use (the dynamic loader's search path applies).
#define C_OPENBLAS_LIBRARY "libopenblas.so.0"

#endif
