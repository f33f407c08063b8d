package org.recsys.attention.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recsys.attention.layer.PositionOrigin;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.model.ComposedNetwork;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.preset.SasRecPreset;
import org.recsys.attention.testing.GradientCheck;
import org.recsys.attention.train.PackedSequences;
import org.recsys.attention.train.TrainingBatch;

/**
 * The composed SASRec (the preset's network) against a naive double-precision reference: same outputs, and
 * analytic gradients of every weight equal to central finite differences of the reference loss, for every loss.
 */
class SasRecGradientTest {
  static final int ITEMS = 7;
  static final int MAX_LEN = 5;
  static final int DIM = 4;
  static final double GBCE_T = 0.6;
  private static final String ITEM_TABLE = "encoder.embedding.items";

  /** Three windows: full, short (heavily padded) and one of length 1. */
  static final int[] INPUTS = {
      3, 1, 4, 1, 5,
      0, 0, 2, 6, 7,
      0, 0, 0, 0, 6};
  static final int[] TARGETS = {
      1, 4, 1, 5, 2,
      0, 0, 6, 7, 3,
      0, 0, 0, 0, 1};

  /**
   * Two blocks of width {@link #DIM} without dropout, as the preset's keys give them.
   *
   * @param scoreBias for the binary losses; null for the others
   */
  static SasRecPreset.Params params(String loss, int heads, String origin, Boolean scoreBias, boolean excludeHistory,
      int threads) {
    List<Object> kv = new ArrayList<>(List.of("maxLen", MAX_LEN, "hiddenSize", DIM, "blocks", 2, "heads", heads,
        "dropout", 0.0, "positions", origin, "loss", loss, "threads", threads));
    if (!loss.equals("ce")) {
      kv.addAll(List.of("negatives", GradientCheck.negativesFor(loss)));
    }
    if (loss.equals("gbce")) {
      kv.addAll(List.of("gbceT", GBCE_T));
    }
    if (scoreBias != null) {
      kv.addAll(List.of("scoreBias", scoreBias));
    }
    if (excludeHistory) {
      kv.addAll(List.of("ceExcludesHistory", true));
    }
    return SasRecNetworks.params(kv.toArray());
  }

  /** The network of {@code p} over {@link #ITEMS} with random weights: gains near 1, the rest in +-0.5. */
  static ComposedNetwork randomNetwork(SasRecPreset.Params p, long seed) {
    Architecture a = SasRecNetworks.architecture(p, ITEMS);
    ParameterSet w = a.layout().allocate();
    SplittableRandom r = new SplittableRandom(seed);
    for (Parameter q : w.parameters()) {
      boolean gain = q.name().endsWith(".gain");
      for (int j = 0; j < q.length(); j++) {
        double g = r.nextDouble(-1, 1);
        q.value().set(j, (float) (gain ? 1 + 0.3 * g : 0.5 * g));
      }
    }
    w.value(ITEM_TABLE).fill(0, DIM, 0f);
    return new ComposedNetwork(a, w, p.threads());
  }

  static ReferenceSasRec reference(ComposedNetwork net, int heads, PositionOrigin origin, boolean scoreBias) {
    return new ReferenceSasRec(net.parameters(), ITEMS, MAX_LEN, DIM, 2, heads, origin, scoreBias);
  }

  static int[] negatives(int k, long seed) {
    return GradientCheck.negatives(TARGETS, ITEMS, k, seed);
  }

  private static PackedSequences packed() {
    return PackedSequences.fromWindows(3, MAX_LEN, INPUTS, TARGETS, new int[0], 0, ITEMS);
  }

  @Test
  void outputsMatchTheReferenceAtEveryRealPosition() {
    try (ComposedNetwork net = randomNetwork(params("bce", 2, "end", null, false, 1), 1)) {
      ReferenceSasRec ref = reference(net, 2, PositionOrigin.END, false);
      PackedSequences packed = packed();
      float[][] out = net.outputs(packed);
      int r = 0;
      for (int b = 0; b < 3; b++) {
        int[] window = Arrays.copyOfRange(INPUTS, b * MAX_LEN, (b + 1) * MAX_LEN);
        double[][] expected = ref.forward(window);
        for (int t = 0; t < MAX_LEN; t++) {
          if (window[t] == 0) {
            continue;
          }
          for (int j = 0; j < DIM; j++) {
            assertThat((double) out[r][j]).as("window %d position %d dim %d", b, t, j)
                .isCloseTo(expected[t][j], within(2e-5));
          }
          r++;
        }
      }
      assertThat(r).isEqualTo(packed.rows);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bce", "ce", "sampled-softmax", "gbce"})
  void analyticGradientsMatchFiniteDifferences(String loss) {
    checkGradients(loss, "end", false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bce", "gbce"})
  void theBinaryLossesScoreBiasHasTheFiniteDifferenceGradient(String loss) {
    checkGradients(loss, "end", true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"end", "start"})
  void outputsAndGradientsMatchTheReferenceForEitherPositionOrigin(String origin) {
    PositionOrigin o = origin.equals("start") ? PositionOrigin.START : PositionOrigin.END;
    try (ComposedNetwork net = randomNetwork(params("ce", 1, origin, null, false, 1), 4)) {
      ReferenceSasRec ref = reference(net, 1, o, false);
      float[][] out = net.outputs(packed());
      // The short window's first real position (row 5) is coded 2 (end) or 0 (start).
      double[] expected = ref.forward(Arrays.copyOfRange(INPUTS, MAX_LEN, 2 * MAX_LEN))[2];
      for (int j = 0; j < DIM; j++) {
        assertThat((double) out[5][j]).isCloseTo(expected[j], within(2e-5));
      }
    }
    checkGradients("ce", origin, false);
  }

  @Test
  void ceWithoutHistoryScoresEachRowAgainstTheItemsOutsideItsWindow() {
    try (ComposedNetwork net = randomNetwork(params("ce", 2, "end", null, true, 2), 3)) {
      double loss = net.computeGradients(new TrainingBatch(3, MAX_LEN, INPUTS, TARGETS, new int[0], 0), 5L);
      PackedSequences packed = packed();
      float[][] out = net.outputs(packed);
      float[] e = net.parameters().value(ITEM_TABLE).toArray();
      double total = 0;
      int count = 0;
      for (int w = 0; w < packed.count; w++) {
        Set<Integer> own = new HashSet<>();
        for (int r = packed.start[w]; r < packed.start[w + 1]; r++) {
          own.add(packed.items[r]);
          own.add(packed.targets[r]);
        }
        for (int r = packed.start[w]; r < packed.start[w + 1]; r++) {
          int target = packed.targets[r];
          if (target == 0) {
            continue;
          }
          double sum = 0;
          for (int item = 1; item <= ITEMS; item++) {
            if (item == target || !own.contains(item)) {
              sum += Math.exp(dot(out[r], e, item));
            }
          }
          total += Math.log(sum) - dot(out[r], e, target);
          count++;
        }
      }
      assertThat(loss).isCloseTo(total / count, within(1e-5));
      try (ComposedNetwork all = randomNetwork(params("ce", 2, "end", null, false, 2), 3)) {
        assertThat(all.computeGradients(new TrainingBatch(3, MAX_LEN, INPUTS, TARGETS, new int[0], 0), 5L))
            .as("scoring every item costs more").isGreaterThan(loss + 1e-3);
      }
    }
  }

  private static double dot(float[] y, float[] table, int item) {
    double s = 0;
    for (int j = 0; j < DIM; j++) {
      s += y[j] * table[item * DIM + j];
    }
    return s;
  }

  private static void checkGradients(String loss, String origin, boolean scoreBias) {
    int k = GradientCheck.negativesFor(loss);
    int[] neg = negatives(k, 11);
    boolean binary = loss.equals("bce") || loss.equals("gbce");
    PositionOrigin o = origin.equals("start") ? PositionOrigin.START : PositionOrigin.END;
    // Two threads: the batch is split and the gradients of both shares are summed.
    try (ComposedNetwork net = randomNetwork(params(loss, 2, origin, binary ? scoreBias : null, false, 2), 2)) {
      double lossValue = net.computeGradients(new TrainingBatch(3, MAX_LEN, INPUTS, TARGETS, neg, k), 5L);
      ReferenceSasRec ref = reference(net, 2, o, scoreBias);
      double refLoss = ref.loss(loss, 3, INPUTS, TARGETS, neg, k, GBCE_T);
      assertThat(lossValue).isCloseTo(refLoss, within(1e-5 * (1 + refLoss)));
      double h = 1e-5;
      double maxAbs = 0;
      int checked = 0;
      for (int i = 0; i < net.parameters().size(); i++) {
        Parameter p = net.parameters().get(i);
        for (int j = 0; j < p.length(); j++) {
          double numeric = GradientCheck.central(ref.w[i], j, h,
              () -> ref.loss(loss, 3, INPUTS, TARGETS, neg, k, GBCE_T));
          double analytic = p.gradient().get(j);
          if (p.name().equals(ITEM_TABLE) && j < DIM) {
            // The padding row is never used: its gradient is exactly zero.
            assertThat(analytic).as("padding row gradient").isZero();
            continue;
          }
          assertThat(analytic).as("%s[%d] (%s)", p.name(), j, loss)
              .isCloseTo(numeric, within(2e-4 + 2e-3 * Math.abs(numeric)));
          maxAbs = Math.max(maxAbs, Math.abs(numeric));
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(300);
      if (scoreBias) {
        Parameter bias = net.parameters().get(net.parameters().size() - 1);
        assertThat(bias.name()).isEqualTo(Architecture.SCORE_BIAS);
        assertThat(Math.abs(bias.gradient().get(0))).as("the bias gets a real gradient").isGreaterThan(1e-3f);
      }
      assertThat(maxAbs).as("the check must see real gradients").isGreaterThan(0.05);
    }
  }
}
