package org.recsys.attention.bench;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times ND4J's {@code multiply_bp} and {@code add_bp} on the shapes a SASRec step of the {@code dl4j} backend
 * differentiates (128 windows x 200 positions, d 50), against one elementwise product of the same size: what the
 * broadcasting gradients cost. Best of 15 calls each, after the same 15 as warm-up.
 *
 * <pre>
 * java -Xmx3g -cp ... org.recsys.attention.bench.BroadcastGradientBenchmark
 * </pre>
 */
public final class BroadcastGradientBenchmark {
  private static final int CALLS = 15;

  private BroadcastGradientBenchmark() {}

  public static void main(String[] args) {
    long[] cells = {25600, 50};
    long[] attention = {128, 1, 200, 200};
    time("multiply_bp", cells, new long[] {50});
    time("multiply_bp", cells, new long[] {25600, 1});
    time("multiply_bp", cells, cells);
    time("multiply_bp", attention, attention);
    time("add_bp", cells, new long[] {50});
    time("add_bp", attention, new long[] {1, 1, 200, 200});
    time("add_bp", attention, new long[] {128, 1, 1, 200});
  }

  private static void time(String op, long[] xShape, long[] yShape) {
    INDArray x = Nd4j.rand(DataType.FLOAT, xShape);
    INDArray y = Nd4j.rand(DataType.FLOAT, yShape);
    INDArray grad = Nd4j.rand(DataType.FLOAT, xShape);
    INDArray dx = Nd4j.create(DataType.FLOAT, xShape);
    INDArray dy = Nd4j.create(DataType.FLOAT, yShape);
    long bp = best(() -> Nd4j.exec(DynamicCustomOp.builder(op).addInputs(x, y, grad).addOutputs(dx, dy).build()));
    long product = best(() -> x.mul(grad, dx));
    System.out.printf(Locale.ROOT, "%-11s %-18s by %-18s %8.2f ms   one product of x's size %6.2f ms%n", op,
        Arrays.toString(xShape), Arrays.toString(yShape), bp / 1e6, product / 1e6);
  }

  private static long best(Runnable call) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 2 * CALLS; i++) {
      long t = System.nanoTime();
      call.run();
      if (i >= CALLS) {
        best = Math.min(best, System.nanoTime() - t);
      }
    }
    return best;
  }
}
