package org.recsys.attention.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.model.ComposedNetwork;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.preset.LstmAttentionPreset;
import org.recsys.attention.testing.GradientCheck;
import org.recsys.attention.train.PackedSequences;
import org.recsys.attention.train.TrainingBatch;

/**
 * The composed LSTM-attention network (the preset's) against a naive double-precision reference: the same states
 * at every real position, and analytic gradients of every weight equal to central finite differences of the
 * reference loss, for every loss and both output layers, with two stacked LSTM layers.
 */
class LstmAttentionGradientTest {
  static final int ITEMS = 7;
  static final int MAX_LEN = 5;
  static final int DIM = 4;
  static final int HIDDEN = 3;
  static final int ATTENTION = 3;
  static final double GBCE_T = 0.6;
  private static final String ITEM_TABLE = "encoder.embedding.items";
  private static final String POOLING = "encoder.block2";

  /** Three windows: full, short (heavily padded) and one of length 1. */
  static final int[] INPUTS = {
      3, 1, 4, 1, 5,
      0, 0, 2, 6, 7,
      0, 0, 0, 0, 6};
  static final int[] TARGETS = {
      1, 4, 1, 5, 2,
      0, 0, 6, 7, 3,
      0, 0, 0, 0, 1};

  /** Two LSTM layers without dropout at the sizes above, as the preset's keys give them. */
  static LstmAttentionPreset.Params params(String loss, String output, boolean scoreBias, int threads) {
    List<Object> kv = new ArrayList<>(List.of("maxLen", MAX_LEN, "embeddingSize", DIM, "hiddenSize", HIDDEN,
        "layers", 2, "attentionSize", ATTENTION, "output", output, "dropout", 0.0, "loss", loss, "threads", threads));
    if (!loss.equals("ce")) {
      kv.addAll(List.of("negatives", GradientCheck.negativesFor(loss)));
    }
    if (loss.equals("gbce")) {
      kv.addAll(List.of("gbceT", GBCE_T));
    }
    if (loss.equals("bce") || loss.equals("gbce")) {
      kv.addAll(List.of("scoreBias", scoreBias));
    }
    return LstmAttentionNetworks.params(kv.toArray());
  }

  /**
   * The network of {@code p} over {@link #ITEMS} with random weights, drawn tensor by tensor in the order of the
   * old monolithic network's layout (item table, each layer's wx, wh, b, the pooling's wq, bq, wk, v, combine.w,
   * combine.b, the dense output's {@code [n + 1, d + 1]} table, whose last column is {@code head.bias}, and the
   * score bias): the attention's weights in +-3 (so that the scores vary between keys and the query's gradient is
   * not tiny), the rest in +-1.5, and the tables' padding rows zero.
   */
  static ComposedNetwork randomNetwork(LstmAttentionPreset.Params p, long seed) {
    Architecture a = LstmAttentionNetworks.architecture(p, ITEMS);
    ParameterSet w = a.layout().allocate();
    SplittableRandom r = new SplittableRandom(seed);
    List<String> order = new ArrayList<>(List.of(ITEM_TABLE));
    for (int l = 0; l < p.layers(); l++) {
      order.addAll(List.of("encoder.block" + l + ".wx", "encoder.block" + l + ".wh", "encoder.block" + l + ".b"));
    }
    String pooling = "encoder.block" + p.layers();
    for (String t : List.of("wq", "bq", "wk", "v", "combine.w", "combine.b")) {
      order.add(pooling + "." + t);
    }
    for (String name : order) {
      boolean attention = name.equals(pooling + ".wq") || name.equals(pooling + ".wk") || name.equals(pooling + ".v");
      fill(w.value(name), attention ? 3.0 : 1.5, r);
    }
    if (w.names().contains("head.bias")) {
      FloatTensor table = w.value("head.items");
      FloatTensor bias = w.value("head.bias");
      for (int i = 0; i <= ITEMS; i++) {
        for (int j = 0; j < DIM; j++) {
          table.set(i * DIM + j, (float) (1.5 * r.nextDouble(-1, 1)));
        }
        bias.set(i, (float) (1.5 * r.nextDouble(-1, 1)));
      }
      table.fill(0, DIM, 0f);
      bias.set(0, 0f);
    }
    if (w.names().contains(Architecture.SCORE_BIAS)) {
      fill(w.value(Architecture.SCORE_BIAS), 1.5, r);
    }
    w.value(ITEM_TABLE).fill(0, DIM, 0f);
    return new ComposedNetwork(a, w, p.threads());
  }

  private static void fill(FloatTensor t, double scale, SplittableRandom r) {
    for (int j = 0; j < t.length(); j++) {
      t.set(j, (float) (scale * r.nextDouble(-1, 1)));
    }
  }

  static ReferenceLstmAttention reference(ComposedNetwork net, String output, boolean scoreBias) {
    return new ReferenceLstmAttention(net.parameters(), ITEMS, DIM, HIDDEN, 2, ATTENTION, output.equals("dense"),
        scoreBias);
  }

  static int[] negatives(int k, long seed) {
    return GradientCheck.negatives(TARGETS, ITEMS, k, seed);
  }

  /** Every loss with both output layers, and the binary losses again with a score bias. */
  static Stream<Arguments> lossesAndOutputs() {
    List<String> outputs = List.of("tied", "dense");
    Stream<Arguments> plain = Stream.of("bce", "ce", "sampled-softmax", "gbce")
        .flatMap(l -> outputs.stream().map(o -> Arguments.of(l, o, false)));
    Stream<Arguments> biased = Stream.of("bce", "gbce")
        .flatMap(l -> outputs.stream().map(o -> Arguments.of(l, o, true)));
    return Stream.concat(plain, biased);
  }

  @Test
  void statesMatchTheReferenceAtEveryRealPosition() {
    for (String output : List.of("tied", "dense")) {
      try (ComposedNetwork net = randomNetwork(params("ce", output, false, 1), 1)) {
        ReferenceLstmAttention ref = reference(net, output, false);
        PackedSequences packed = PackedSequences.fromWindows(3, MAX_LEN, INPUTS, TARGETS, new int[0], 0, ITEMS);
        float[][] out = net.outputs(packed);
        int r = 0;
        for (int b = 0; b < 3; b++) {
          int[] window = Arrays.copyOfRange(INPUTS, b * MAX_LEN, (b + 1) * MAX_LEN);
          double[][] expected = ref.forward(window);
          for (int t = 0; t < MAX_LEN; t++) {
            if (window[t] == 0) {
              continue;
            }
            assertThat(out[r]).hasSize(expected[t].length);
            for (int j = 0; j < expected[t].length; j++) {
              assertThat((double) out[r][j]).as("%s window %d position %d dim %d", output, b, t, j)
                  .isCloseTo(expected[t][j], within(2e-5));
            }
            r++;
          }
        }
        assertThat(r).isEqualTo(packed.rows);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("lossesAndOutputs")
  void analyticGradientsMatchFiniteDifferences(String loss, String output, boolean scoreBias) {
    int k = GradientCheck.negativesFor(loss);
    int[] neg = negatives(k, 11);
    // Two threads: the batch is split and the gradients of both shares are summed.
    try (ComposedNetwork net = randomNetwork(params(loss, output, scoreBias, 2), 2)) {
      assertThat(net.parameters().names()).contains(POOLING + ".combine.w");
      double lossValue = net.computeGradients(new TrainingBatch(3, MAX_LEN, INPUTS, TARGETS, neg, k), 5L);
      ReferenceLstmAttention ref = reference(net, output, scoreBias);
      double refLoss = ref.loss(loss, 3, MAX_LEN, INPUTS, TARGETS, neg, k, GBCE_T);
      assertThat(lossValue).isCloseTo(refLoss, within(1e-5 * (1 + refLoss)));
      double step = 1e-5;
      double maxAbs = 0;
      int checked = 0;
      for (int i = 0; i < net.parameters().size(); i++) {
        Parameter p = net.parameters().get(i);
        int rowWidth = p.shape().length == 1 ? 1 : (int) p.shape()[p.shape().length - 1];
        boolean table = p.name().equals(ITEM_TABLE) || p.name().equals("head.items") || p.name().equals("head.bias");
        double errSq = 0;
        double normSq = 0;
        for (int j = 0; j < p.length(); j++) {
          double numeric = GradientCheck.central(ref.w[i], j, step,
              () -> ref.loss(loss, 3, MAX_LEN, INPUTS, TARGETS, neg, k, GBCE_T));
          double analytic = p.gradient().get(j);
          if (table && j < rowWidth) {
            // The padding row is never looked up or scored: its gradient is exactly zero.
            assertThat(analytic).as("%s padding row gradient", p.name()).isZero();
            continue;
          }
          assertThat(analytic).as("%s[%d] (%s, %s)", p.name(), j, loss, output)
              .isCloseTo(numeric, within(2e-4 + 2e-3 * Math.abs(numeric)));
          maxAbs = Math.max(maxAbs, Math.abs(numeric));
          errSq += (analytic - numeric) * (analytic - numeric);
          normSq += numeric * numeric;
          checked++;
        }
        // Per tensor, relative to its own gradient's size: small tensors' errors cannot hide under the
        // absolute tolerance (a 1% error in any one tensor's gradient fails here).
        assertThat(Math.sqrt(normSq)).as("%s has a gradient (%s, %s)", p.name(), loss, output).isGreaterThan(2e-5);
        assertThat(Math.sqrt(errSq / normSq)).as("%s relative error (%s, %s)", p.name(), loss, output)
            .isLessThan(2e-3);
      }
      assertThat(checked).isGreaterThan(250);
      assertThat(maxAbs).as("the check must see real gradients").isGreaterThan(0.05);
    }
  }
}
