package org.recsys.attention.dl4j;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recsys.attention.nn.DropoutRandom;

/**
 * An inverted-dropout mask drawn in Java and fed to the graph, which multiplies by it: SameDiff's dropout ops have
 * no gradient in DL4J 1.0.0-M2.1 (see {@code UpstreamCanaryTest}). Each unit is {@code 1 / (1 - rate)} with
 * probability {@code 1 - rate} and 0 otherwise; at inference the mask is all ones.
 *
 * @param placeholder the placeholder's name (the native dropout's name, e.g. {@code encoder.block0.ffn_dropout})
 * @param rate the drop rate, in {@code (0, 1)}
 * @param shape the mask's shape after the leading dimension ({@code [width]} per row of {@code [rows, width]},
 *     or {@code [heads, maxLen, maxLen]} per window of attention weights)
 * @param perWindow whether the leading dimension counts windows (attention weights) rather than window cells
 */
record DropoutMask(String placeholder, double rate, long[] shape, boolean perWindow) {
  /** The mask for {@code windows} windows of {@code maxLen}, drawn from {@code seed}, or ones when not training. */
  INDArray draw(int windows, int maxLen, boolean training, long seed) {
    long lead = perWindow ? windows : (long) windows * maxLen;
    long[] full = new long[shape.length + 1];
    full[0] = lead;
    System.arraycopy(shape, 0, full, 1, shape.length);
    if (!training) {
      return Nd4j.ones(DataType.FLOAT, full);
    }
    long n = lead;
    for (long s : shape) {
      n *= s;
    }
    float keep = (float) (1 / (1 - rate));
    float[] m = new float[Math.toIntExact(n)];
    SplittableRandom random = new SplittableRandom(DropoutRandom.mix(seed, placeholder.hashCode()));
    for (int i = 0; i < m.length; i++) {
      m[i] = random.nextDouble() < rate ? 0f : keep;
    }
    return Nd4j.create(m, full, 'c');
  }
}
