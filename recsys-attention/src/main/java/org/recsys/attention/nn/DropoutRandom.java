package org.recsys.attention.nn;

/**
 * A small, fast, seedable stream of keep/drop decisions for inverted dropout (SplitMix64, 16 bits per
 * decision). One stream per sequence makes a step's masks independent of how sequences are split across
 * threads.
 */
public final class DropoutRandom {
  private long state;
  private long bits;
  private int left;
  private final int threshold;

  /**
   * @param seed stream seed
   * @param rate drop probability in [0, 1); it is rounded to a multiple of 2^-16
   */
  public DropoutRandom(long seed, double rate) {
    this.state = seed;
    this.threshold = threshold(rate);
  }

  /** Restarts the stream from {@code seed}. */
  public void reset(long seed) {
    state = seed;
    left = 0;
  }

  /** True when the next unit is kept. */
  public boolean keep() {
    return keep(threshold);
  }

  /**
   * True when the next unit is kept at the drop rate {@code threshold} stands for ({@link #threshold(double)}): one
   * stream serves layers with different rates.
   */
  public boolean keep(int threshold) {
    if (left == 0) {
      bits = next();
      left = 4;
    }
    int v = (int) (bits & 0xFFFF);
    bits >>>= 16;
    left--;
    return v >= threshold;
  }

  /**
   * Writes the next {@code n} decisions at drop rate {@code threshold} into {@code mask[off, off + n)}: {@code keepScale}
   * for a kept unit, 0 for a dropped one. The same stream as {@code n} calls of {@link #keep(int)}, four decisions
   * per draw without a branch per unit.
   */
  public void fill(float[] mask, int off, int n, int threshold, float keepScale) {
    int i = off;
    int end = off + n;
    while (i < end && left > 0) {
      mask[i++] = keep(threshold) ? keepScale : 0f;
    }
    for (; end - i >= 4; i += 4) {
      long b = next();
      mask[i] = (int) (b & 0xFFFF) >= threshold ? keepScale : 0f;
      mask[i + 1] = (int) ((b >>> 16) & 0xFFFF) >= threshold ? keepScale : 0f;
      mask[i + 2] = (int) ((b >>> 32) & 0xFFFF) >= threshold ? keepScale : 0f;
      mask[i + 3] = (int) (b >>> 48) >= threshold ? keepScale : 0f;
    }
    while (i < end) {
      mask[i++] = keep(threshold) ? keepScale : 0f;
    }
  }

  private long next() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The threshold of drop rate {@code rate} in [0, 1), rounded to a multiple of 2^-16, for {@link #keep(int)}. */
  public static int threshold(double rate) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
    }
    return (int) Math.round(rate * 65536);
  }

  /** A well-mixed seed from two values (for per-step, per-sequence streams). */
  public static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
