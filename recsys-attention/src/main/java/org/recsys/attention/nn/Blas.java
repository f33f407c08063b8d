package org.recsys.attention.nn;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemv;

import java.nio.FloatBuffer;
import org.recsys.attention.nn.blas.BlasRuntime;

/**
 * Row-major single-precision GEMM and GEMV on {@link FloatTensor}s with element offsets, straight into the OpenBLAS that
 * ND4J itself uses. Calling it directly costs about a microsecond per call, against roughly 0.15 ms through
 * {@code Nd4j.gemm} on views, which matters for the thousands of per-sequence attention products of a step.
 */
public final class Blas {
  static {
    // Loads OpenBLAS on the CPU's best kernel, one thread per call (the passes parallelise over sequences
    // themselves; OpenBLAS's threads on top of that oversubscribe the cores: measured 20x slower on 2 cores).
    BlasRuntime.load();
  }

  private Blas() {}

  /**
   * {@code C = alpha * op(A) * op(B) + beta * C}, row-major, where op(A) is {@code m x k}, op(B) is
   * {@code k x n} and C is {@code m x n}; each matrix starts at its offset and has its leading dimension.
   */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, FloatTensor a,
      long offA, int lda, FloatTensor b, long offB, int ldb, float beta, FloatTensor c, long offC, int ldc) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      scale(c, offC, m, n, ldc, beta);
      return;
    }
    cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n, k,
        alpha, a.pointer(offA), lda, b.pointer(offB), ldb, beta, c.pointer(offC), ldc);
  }

  /**
   * {@code y = alpha * op(A) * x + beta * y}, row-major, where A is {@code m x n} with leading dimension
   * {@code lda}; op(A) is A ({@code x} of length n, {@code y} of m) or its transpose ({@code x} of m, {@code y}
   * of n). Each vector starts at its offset with unit stride.
   */
  public static void gemv(boolean transA, int m, int n, float alpha, FloatTensor a, long offA, int lda,
      FloatTensor x, long offX, float beta, FloatTensor y, long offY) {
    if (m == 0 || n == 0) {
      return;
    }
    cblas_sgemv(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, m, n, alpha, a.pointer(offA), lda,
        x.pointer(offX), 1, beta, y.pointer(offY), 1);
  }

  private static void scale(FloatTensor c, long offC, int m, int n, int ldc, float beta) {
    FloatBuffer cb = c.buffer();
    for (int i = 0; i < m; i++) {
      int o = (int) offC + i * ldc;
      for (int j = 0; j < n; j++) {
        cb.put(o + j, beta == 0f ? 0f : beta * cb.get(o + j));
      }
    }
  }
}
