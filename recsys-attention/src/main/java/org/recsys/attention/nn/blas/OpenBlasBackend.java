package org.recsys.attention.nn.blas;

import org.recsys.api.ComputeBackend;

/** Reports the OpenBLAS the native kernels call; registered for {@link java.util.ServiceLoader}. */
public final class OpenBlasBackend implements ComputeBackend {
  @Override
  public String describe() {
    return "BLAS: " + BlasRuntime.load().describe();
  }
}
