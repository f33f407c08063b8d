package org.recsys.attention.testing;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.nn.ParameterSet;

/** The plumbing the networks' finite-difference gradient checks share. */
public final class GradientCheck {
  private GradientCheck() {}

  /** Negatives per position a check uses for the loss named {@code loss}: bce 1, ce none, the others 3. */
  public static int negativesFor(String loss) {
    return switch (loss) {
      case "bce" -> 1;
      case "ce" -> 0;
      default -> 3;
    };
  }

  /** {@code k} seeded negatives per position of {@code targets}, never the target; 0 where there is no target. */
  public static int[] negatives(int[] targets, int numItems, int k, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] neg = new int[targets.length * k];
    for (int i = 0; i < targets.length; i++) {
      for (int q = 0; q < k; q++) {
        int item;
        do {
          item = 1 + r.nextInt(numItems);
        } while (item == targets[i]);
        neg[i * k + q] = targets[i] == 0 ? 0 : item;
      }
    }
    return neg;
  }

  /** Every tensor's values as doubles, indexed like the set (a reference network's own copy of the weights). */
  public static double[][] toDoubles(ParameterSet set) {
    double[][] w = new double[set.size()][];
    for (int i = 0; i < w.length; i++) {
      Parameter p = set.get(i);
      w[i] = new double[p.length()];
      for (int j = 0; j < p.length(); j++) {
        w[i][j] = p.value().get(j);
      }
    }
    return w;
  }

  /** The central difference of {@code loss} in {@code weights[j]} with step {@code h}; leaves the weight as found. */
  public static double central(double[] weights, int j, double h, DoubleSupplier loss) {
    double saved = weights[j];
    weights[j] = saved + h;
    double up = loss.getAsDouble();
    weights[j] = saved - h;
    double down = loss.getAsDouble();
    weights[j] = saved;
    return (up - down) / (2 * h);
  }
}
