package org.recsys.attention.nn.blas;

/**
 * The BLAS the native kernels call, as loaded in this process.
 *
 * @param library the library and its version, e.g. {@code OpenBLAS 0.3.19}
 * @param build how it was built, as the library reports it (e.g. {@code DYNAMIC_ARCH NO_AFFINITY})
 * @param kernel the kernel family the library chose for this CPU, e.g. {@code SkylakeX}
 * @param chosenBy who chose the kernel: recsys from the CPU's flags, the {@code OPENBLAS_CORETYPE} variable,
 *     or the library's own detection
 * @param threadsPerCall the threads one BLAS call may use
 * @param cpu the processor
 * @param fallback whether the kernel uses narrower vector instructions than the CPU has (a generic fallback:
 *     about half the speed)
 */
public record BlasInfo(String library, String build, String kernel, String chosenBy, int threadsPerCall,
    CpuFeatures cpu, boolean fallback) {

  /** One line for logs and {@code recsys env}. */
  public String describe() {
    return library + " (" + build + "), kernel " + kernel + " (" + chosenBy + "), " + threadsPerCall
        + (threadsPerCall == 1 ? " thread" : " threads") + " per call; CPU " + cpu.describe()
        + (fallback ? "; WARNING: a generic fallback kernel, slower than this CPU allows" : "");
  }
}
