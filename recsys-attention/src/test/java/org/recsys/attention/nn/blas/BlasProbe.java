package org.recsys.attention.nn.blas;

/** Prints what {@link BlasRuntime} loaded, one field a line; run in a fresh JVM by {@link BlasRuntimeTest}. */
public final class BlasProbe {
  private BlasProbe() {}

  public static void main(String[] args) {
    BlasInfo info = BlasRuntime.load();
    System.out.println("kernel=" + info.kernel());
    System.out.println("chosenBy=" + info.chosenBy());
    System.out.println("threads=" + info.threadsPerCall());
    System.out.println("fallback=" + info.fallback());
    System.out.println("line=" + info.describe());
  }
}
