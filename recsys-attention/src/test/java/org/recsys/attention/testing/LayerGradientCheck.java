package org.recsys.attention.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.layer.LayerPass;
import org.recsys.attention.layer.ParameterLayout;
import org.recsys.attention.layer.ParameterSpec;
import org.recsys.attention.layer.Rows;
import org.recsys.attention.layer.SequenceEmbedding;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.train.PackedSequences;

/**
 * Checks a layer's backward pass against finite differences of its forward pass, for every parameter element and
 * every input element. The probe is {@code L = sum(forward(x) * R)} for a random {@code R} (summed in double), so
 * the backward of {@code dOut = R} must give {@code dL/dw} and {@code dL/dx}. The rows are a few sequences of
 * different lengths (one of length 1); the weights, inputs and {@code R} are random. The forward runs in float,
 * so the step is large ({@value #STEP}, over the float values it rounds to) to keep float rounding out of the
 * differences; the central difference's truncation error is then about 4e-6 times the third derivative.
 *
 * <p>How tight: each element must agree with the central difference within {@code 2e-3 + 1e-2 |numeric|}, and
 * each tensor as a whole within {@code 2e-3 + 1e-2 |its gradient|}. Correct layers agree far better (measured:
 * within 0.02 of the tolerance for the recurrent layers and the attention pooling, 0.05 for self-attention, 0.25
 * for the transformer blocks), so a wrong term shows. With the LSTM's cell carry to the previous step dropped
 * from its backward ({@code cr[j] = dc * f1} set to 0) the check fails at {@code lstm.wx[0]} (analytic 0.0230
 * against numeric 0.0621); with the GRU's reset left out of the n gate's recurrent gradient ({@code dhn[j] = dnp})
 * at {@code gru.wx[0]} (0.0153 against 0.0367); and {@code LayerGradientTest.aTwoPercentErrorInOneTensorFails}
 * shows a gradient 2% off in one tensor failing.
 *
 * <p>ReLU (the feed-forward layers) has kinks. Where a kink lies within the steps, the central difference mixes
 * the slopes of both sides; such an element is recognised by second-order one-sided differences (right: {@code
 * L(w), L(w + h), L(w + 2h)}; left likewise) that differ from the central one, and the analytic gradient must then
 * match the one-sided difference of the side it lies on (a bidirectional block has such kinks at up to a quarter
 * of its elements, a feed-forward layer at a tenth). At most 1% of the elements may have kinks on both sides and go
 * unchecked.
 *
 * <p>Dropout stays off unless {@link #withDropout} asks for it: each evaluation then restarts the sequences'
 * dropout streams from the same seed, so the forward is a fixed function with fixed masks, and the backward must
 * apply them.
 */
public final class LayerGradientCheck {
  private static final double STEP = 5e-3;
  private static final double ABSOLUTE = 2e-3;
  private static final double RELATIVE = 1e-2;
  private static final double TENSOR_RELATIVE = 1e-2;
  private static final double UNRESOLVABLE = 0.01;
  /** The check's sequences: different lengths, one of length 1. */
  private static final int[] LENGTHS = {5, 1, 3};

  /** What the check differentiates: a layer with its input rows, or an embedding with its tables. */
  private interface Subject extends AutoCloseable {
    FloatTensor forward(Rows rows);

    /** Back-propagates {@code dOut} and returns the input's gradient, or null when there is no input. */
    FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads);

    @Override
    void close();
  }

  private final String what;
  private final List<ParameterSpec> parameters;
  private final int inputSize;
  private final int outputSize;
  private final int numItems;
  private final int maxLen;
  private final Layer layer;
  private final SequenceEmbedding embedding;
  private double weightScale = 1;
  private boolean dropout;
  private long seed = 1;

  private LayerGradientCheck(String what, List<ParameterSpec> parameters, int inputSize, int outputSize,
      int numItems, int maxLen, Layer layer, SequenceEmbedding embedding) {
    this.what = what;
    this.parameters = parameters;
    this.inputSize = inputSize;
    this.outputSize = outputSize;
    this.numItems = numItems;
    this.maxLen = maxLen;
    this.layer = layer;
    this.embedding = embedding;
  }

  /** A check of {@code layer} with respect to its parameters and its input rows. */
  public static LayerGradientCheck of(Layer layer) {
    return new LayerGradientCheck(layer.toString(), layer.parameters(), layer.inputSize(), layer.outputSize(), 9,
        LENGTHS[0], layer, null);
  }

  /** A check of {@code embedding} with respect to its tables (it has no input rows, only item ids). */
  public static LayerGradientCheck of(SequenceEmbedding embedding) {
    if (embedding.maxLen() < LENGTHS[0]) {
      throw new IllegalArgumentException("the check's sequences need maxLen >= " + LENGTHS[0]);
    }
    return new LayerGradientCheck(embedding.toString(), embedding.parameters(), 0, embedding.size(),
        embedding.tableRows() - 1, embedding.maxLen(), null, embedding);
  }

  /** Weights uniform in {@code [-scale, scale)} (default 1): larger ones make attention scores vary. */
  public LayerGradientCheck weightScale(double scale) {
    this.weightScale = scale;
    return this;
  }

  /** Dropout on, with masks drawn from {@code seed}'s streams, the same at every evaluation. */
  public LayerGradientCheck withDropout(long seed) {
    this.dropout = true;
    this.seed = seed;
    return this;
  }

  /** Runs the check, failing with the first element or tensor out of tolerance. */
  public void run() {
    SplittableRandom random = new SplittableRandom(11);
    List<int[]> histories = new ArrayList<>();
    for (int n : LENGTHS) {
      int[] h = new int[n];
      for (int i = 0; i < n; i++) {
        h[i] = 1 + random.nextInt(numItems);
      }
      histories.add(h);
    }
    PackedSequences packed = PackedSequences.fromHistories(histories, maxLen, numItems);
    Rows rows = new Rows();
    try (ParameterSet weights = new ParameterLayout(parameters).allocate();
        FloatTensor in = FloatTensor.zeros(Math.max(1, (long) packed.rows * inputSize));
        FloatTensor probe = FloatTensor.zeros((long) packed.rows * outputSize);
        FloatTensor dOut = FloatTensor.zeros((long) packed.rows * outputSize);
        Subject subject = subject(weights, in)) {
      for (Parameter p : weights.parameters()) {
        fill(p.value(), weightScale, random);
      }
      fill(in, 1, random);
      fill(probe, 1, random);
      FloatTensor[] grads = new FloatTensor[weights.size()];
      for (int i = 0; i < grads.length; i++) {
        grads[i] = weights.get(i).gradient();
      }
      Probe loss = () -> {
        FloatTensor y = subject.forward(rows.reset(packed, 0, packed.count, dropout, seed));
        double sum = 0;
        for (int i = 0; i < packed.rows * outputSize; i++) {
          sum += (double) y.get(i) * probe.get(i);
        }
        return sum;
      };
      Tally tally = new Tally();
      tally.base = loss.value();
      dOut.copyFrom(probe);
      FloatTensor dIn = subject.backward(rows, dOut, grads);
      for (int i = 0; i < weights.size(); i++) {
        Parameter p = weights.get(i);
        compare(p.name(), p.value(), p.gradient().toArray(), loss, tally);
      }
      if (layer != null) {
        compare("input", in, dIn.toArray(), loss, tally);
      }
      assertThat(tally.unresolved).as("%s: elements with kinks on both sides, of %d (%d kinked)", what,
          tally.checked, tally.kinked).isLessThanOrEqualTo((int) (UNRESOLVABLE * tally.checked));
      assertThat(tally.largest).as("%s: the check must see real gradients", what).isGreaterThan(0.05);
    }
  }

  private Subject subject(ParameterSet weights, FloatTensor in) {
    if (layer != null) {
      LayerPass pass = layer.pass(weights, true);
      return new Subject() {
        @Override
        public FloatTensor forward(Rows rows) {
          return pass.forward(rows, in);
        }

        @Override
        public FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
          return pass.backward(rows, dOut, grads);
        }

        @Override
        public void close() {
          pass.close();
        }
      };
    }
    SequenceEmbedding.Pass pass = embedding.pass(weights, true);
    return new Subject() {
      @Override
      public FloatTensor forward(Rows rows) {
        return pass.forward(rows);
      }

      @Override
      public FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
        pass.backward(rows, dOut, grads);
        return null;
      }

      @Override
      public void close() {
        pass.close();
      }
    };
  }

  @FunctionalInterface
  private interface Probe {
    double value();
  }

  private static final class Tally {
    double base;
    int checked;
    int kinked;
    int unresolved;
    double largest;
  }

  /**
   * Compares the analytic gradient of every element of {@code t} with the central difference or, where a kink
   * lies within the steps, with the one-sided difference on its smooth side.
   */
  private void compare(String name, FloatTensor t, float[] analytic, Probe loss, Tally tally) {
    double errSq = 0;
    double normSq = 0;
    for (int j = 0; j < t.length(); j++) {
      Differences d = differences(t, j, loss, tally.base);
      tally.checked++;
      double a = analytic[j];
      if (!close(d.right, d.central, 0.25) || !close(d.left, d.central, 0.25)) {
        // The one-sided slopes differ from the central one: a kink lies within the steps, and the analytic
        // gradient is the slope of the side it lies on (unless kinks lie on both sides).
        tally.kinked++;
        if (!close(a, d.right, 1) && !close(a, d.left, 1)) {
          tally.unresolved++;
        }
        continue;
      }
      assertThat(a).as("%s: d/d %s[%d] (numeric %.6f)", what, name, j, d.central)
          .isCloseTo(d.central, within(tolerance(d.central, 1)));
      errSq += (a - d.central) * (a - d.central);
      normSq += d.central * d.central;
      tally.largest = Math.max(tally.largest, Math.abs(d.central));
    }
    assertThat(Math.sqrt(errSq)).as("%s: error of the whole gradient of %s (norm %.5f)", what, name,
        Math.sqrt(normSq)).isLessThanOrEqualTo(ABSOLUTE + TENSOR_RELATIVE * Math.sqrt(normSq));
  }

  private static boolean close(double a, double b, double looseness) {
    return Math.abs(a - b) <= tolerance(b, looseness);
  }

  private static double tolerance(double numeric, double looseness) {
    return looseness * (ABSOLUTE + RELATIVE * Math.abs(numeric));
  }

  /** Estimates of one element's derivative: central, and second-order one-sided to the right and the left. */
  private record Differences(double central, double right, double left) {}

  /**
   * The loss at {@code w +- h} and {@code w +- 2h} of element {@code j}, over the float values the steps round to
   * (the formulas take the actual nodes); the element is restored.
   */
  private static Differences differences(FloatTensor t, int j, Probe loss, double base) {
    float saved = t.get(j);
    double[] node = new double[4];
    double[] value = new double[4];
    double[] steps = {STEP, 2 * STEP, -STEP, -2 * STEP};
    for (int i = 0; i < 4; i++) {
      float x = (float) (saved + steps[i]);
      t.set(j, x);
      node[i] = (double) x - saved;
      value[i] = loss.value();
    }
    t.set(j, saved);
    double central = (value[0] - value[2]) / (node[0] - node[2]);
    return new Differences(central, oneSided(base, node[0], value[0], node[1], value[1]),
        oneSided(base, node[2], value[2], node[3], value[3]));
  }

  /** The slope at 0 of the parabola through {@code (0, f0), (t1, f1), (t2, f2)}. */
  private static double oneSided(double f0, double t1, double f1, double t2, double f2) {
    return -f0 * (t1 + t2) / (t1 * t2) - f1 * t2 / (t1 * (t1 - t2)) - f2 * t1 / (t2 * (t2 - t1));
  }

  private static void fill(FloatTensor t, double scale, SplittableRandom random) {
    for (int i = 0; i < t.length(); i++) {
      t.set(i, (float) (scale * random.nextDouble(-1, 1)));
    }
  }
}
