package org.recsys.attention.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.recsys.api.Recommender;
import org.recsys.attention.head.DotHead;
import org.recsys.attention.layer.AttentionPooling;
import org.recsys.attention.layer.Initialisation;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.layer.Lstm;
import org.recsys.attention.layer.PositionOrigin;
import org.recsys.attention.layer.Positions;
import org.recsys.attention.layer.SequenceEmbedding;
import org.recsys.attention.layer.SequenceEncoder;
import org.recsys.attention.loss.BinaryCrossEntropy;
import org.recsys.attention.loss.Loss;
import org.recsys.attention.loss.SampledSoftmax;
import org.recsys.attention.loss.SoftmaxCrossEntropy;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.model.ComposedNetwork;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.NextItemLoss;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.objective.NextItem;
import org.recsys.attention.testing.GradientCheck;
import org.recsys.attention.train.PackedSequences;
import org.recsys.attention.train.TrainingBatch;

/**
 * The LSTM-attention network composed of layers (embedding without positions, {@link Lstm} layers,
 * {@link AttentionPooling}, a dot head) against the monolithic pass it replaces, on the same weights copied by
 * name: the same states, loss and gradients to 1e-6 for every loss, both output layers (the dense one as a
 * separate table with a per-item bias), with and without the score bias, one and two LSTM layers, one and two
 * threads; and the same scores at inference.
 *
 * <p>Dropout too: the old pass draws each sequence's masks from its own stream in the order embedding, each
 * layer's input, combination, each row by row; the layers draw from the same streams in forward order, which is
 * that order.
 */
class ComposedLstmAttentionParityTest {
  private static final int ITEMS = LstmAttentionGradientTest.ITEMS;
  private static final int MAX_LEN = LstmAttentionGradientTest.MAX_LEN;
  private static final int DIM = LstmAttentionGradientTest.DIM;
  private static final int HIDDEN = LstmAttentionGradientTest.HIDDEN;
  private static final int ATTENTION = LstmAttentionGradientTest.ATTENTION;
  private static final double T = 0.6;

  /** A training setup of the old network: its loss (CE with or without the history left out of the softmax). */
  private record Setup(NextItemLoss loss, boolean excludeHistory) {
    @Override
    public String toString() {
      return loss.configName() + (excludeHistory ? "-excluding-history" : "");
    }
  }

  static Stream<Arguments> setups() {
    List<Arguments> out = new ArrayList<>();
    for (NextItemLoss loss : NextItemLoss.values()) {
      for (OutputKind output : OutputKind.values()) {
        out.add(Arguments.of(new Setup(loss, false), output));
        if (loss == NextItemLoss.CE) {
          out.add(Arguments.of(new Setup(loss, true), output));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("setups")
  void sameStatesLossAndGradientsAsTheMonolithicPass(Setup setup, OutputKind output) {
    for (boolean scoreBias : setup.loss().binary() ? new boolean[] {false, true} : new boolean[] {false}) {
      for (int layers = 1; layers <= 2; layers++) {
        for (int threads = 1; threads <= 2; threads++) {
          check(setup, output, scoreBias, layers, threads, 0.0);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("setups")
  void sameLossAndGradientsWithDropout(Setup setup, OutputKind output) {
    check(setup, output, false, 2, 2, 0.3);
  }

  @Test
  void sameScoresAtInference() {
    List<int[]> histories = List.of(new int[] {3, 1, 4}, new int[0], new int[] {6}, new int[] {2, 7, 1, 5, 3, 6, 4});
    int[][] candidates = {{1, 2, 3}, {7, 6}, {5}, {4, 1, 2, 3}};
    for (OutputKind output : OutputKind.values()) {
      try (LstmAttentionNetwork old = new LstmAttentionNetwork(randomWeights(2, output, false, 2), MAX_LEN,
          NextItemLoss.CE, 0, T, 0.0, 1);
          ComposedNetwork composed = copyOf(old, architecture(output, new SoftmaxCrossEntropy(false), false, 2, 0.0),
              1)) {
        Recommender a = old.recommender();
        Recommender b = composed.recommender();
        float[][] expected = a.scoreAll(histories);
        float[][] actual = b.scoreAll(histories);
        float[][] expectedCandidates = a.scoreCandidates(histories, candidates);
        float[][] actualCandidates = b.scoreCandidates(histories, candidates);
        for (int u = 0; u < histories.size(); u++) {
          assertThat(actual[u][0]).isEqualTo(Float.NEGATIVE_INFINITY);
          for (int i = 1; i <= ITEMS; i++) {
            assertThat(actual[u][i]).as("%s history %d item %d", output, u, i).isCloseTo(expected[u][i],
                within(1e-6f));
          }
          for (int c = 0; c < candidates[u].length; c++) {
            assertThat(actualCandidates[u][c]).as("%s history %d candidate %d", output, u, c)
                .isCloseTo(expectedCandidates[u][c], within(1e-6f));
          }
        }
      }
    }
  }

  private static void check(Setup setup, OutputKind output, boolean scoreBias, int layers, int threads,
      double dropout) {
    NextItemLoss kind = setup.loss();
    int k = GradientCheck.negativesFor(kind.configName());
    int[] neg = LstmAttentionGradientTest.negatives(k, 11);
    TrainingBatch batch = new TrainingBatch(3, MAX_LEN, LstmAttentionGradientTest.INPUTS,
        LstmAttentionGradientTest.TARGETS, neg, k);
    String what = setup + " " + output + " bias=" + scoreBias + " layers=" + layers + " threads=" + threads
        + " dropout=" + dropout;
    try (LstmAttentionNetwork old = new LstmAttentionNetwork(randomWeights(2, output, scoreBias, layers), MAX_LEN,
        kind, k, T, setup.excludeHistory(), dropout, threads);
        ComposedNetwork composed = copyOf(old, architecture(output, composedLoss(setup, k), scoreBias, layers,
            dropout), threads)) {
      PackedSequences packed = PackedSequences.fromWindows(3, MAX_LEN, LstmAttentionGradientTest.INPUTS,
          LstmAttentionGradientTest.TARGETS, new int[0], 0, ITEMS);
      float[][] a = old.outputs(packed);
      float[][] b = composed.outputs(packed);
      for (int r = 0; r < a.length; r++) {
        for (int j = 0; j < DIM; j++) {
          assertThat(b[r][j]).as("%s state row %d dim %d", what, r, j).isCloseTo(a[r][j], within(1e-6f));
        }
      }
      double lossOld = old.computeGradients(batch, 5L);
      double lossNew = composed.computeGradients(batch, 5L);
      assertThat(lossNew).as("%s loss", what).isCloseTo(lossOld, within(1e-6));
      ParameterSet w = composed.parameters();
      for (Parameter p : old.parameters().parameters()) {
        float[] expected = p.gradient().toArray();
        if (p.name().equals("output.table")) {
          float[] table = w.get(w.indexOf("head.items")).gradient().toArray();
          float[] bias = w.get(w.indexOf("head.bias")).gradient().toArray();
          for (int i = 0; i <= ITEMS; i++) {
            for (int j = 0; j < DIM; j++) {
              assertThat(table[i * DIM + j]).as("%s gradient of head.items[%d, %d]", what, i, j)
                  .isCloseTo(expected[i * (DIM + 1) + j], within(1e-6f));
            }
            assertThat(bias[i]).as("%s gradient of head.bias[%d]", what, i)
                .isCloseTo(expected[i * (DIM + 1) + DIM], within(1e-6f));
          }
          continue;
        }
        float[] actual = w.get(w.indexOf(composedName(p.name()))).gradient().toArray();
        for (int j = 0; j < expected.length; j++) {
          assertThat(actual[j]).as("%s gradient of %s[%d]", what, p.name(), j).isCloseTo(expected[j],
              within(1e-6f));
        }
      }
    }
  }

  static Architecture architecture(OutputKind output, Loss loss, boolean scoreBias, int layers, double dropout) {
    SequenceEmbedding embedding = new SequenceEmbedding("encoder.embedding", ITEMS + 1, DIM, MAX_LEN, Positions.NONE,
        PositionOrigin.END, false, dropout, Initialisation.XAVIER);
    List<Layer> blocks = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      // The embedding's dropout is the first layer's input dropout.
      blocks.add(new Lstm("encoder.lstm" + l, l == 0 ? DIM : HIDDEN, HIDDEN, l == 0 ? 0.0 : dropout));
    }
    blocks.add(new AttentionPooling("encoder.attention", HIDDEN, ATTENTION, DIM, dropout));
    boolean tied = output == OutputKind.TIED;
    DotHead head = new DotHead("head", tied, embedding.itemTable(), ITEMS, DIM, Initialisation.XAVIER, !tied);
    return new Architecture(new SequenceEncoder(embedding, blocks, Optional.empty()), head, loss, scoreBias,
        new NextItem(), MAX_LEN, ITEMS);
  }

  private static Loss composedLoss(Setup setup, int k) {
    return switch (setup.loss()) {
      case BCE -> BinaryCrossEntropy.bce(k);
      case GBCE -> BinaryCrossEntropy.gbce(k, ITEMS, T);
      case SAMPLED_SOFTMAX -> new SampledSoftmax(k);
      case CE -> new SoftmaxCrossEntropy(setup.excludeHistory());
    };
  }

  /** The composed name of an old parameter (the dense output table is split in {@link #copyOf}). */
  static String composedName(String old) {
    return switch (old) {
      case "item_embedding" -> "encoder.embedding.items";
      case "combine.w" -> "encoder.attention.combine.w";
      case "combine.b" -> "encoder.attention.combine.b";
      case "score_bias" -> Architecture.SCORE_BIAS;
      default -> "encoder." + old;
    };
  }

  /** The composed network on a copy of the old one's weights; the dense table's last column becomes the bias. */
  static ComposedNetwork copyOf(LstmAttentionNetwork old, Architecture a, int threads) {
    ParameterSet w = a.layout().allocate();
    for (Parameter p : old.parameters().parameters()) {
      if (p.name().equals("output.table")) {
        float[] dense = p.value().toArray();
        float[] table = new float[(ITEMS + 1) * DIM];
        float[] bias = new float[ITEMS + 1];
        for (int i = 0; i <= ITEMS; i++) {
          System.arraycopy(dense, i * (DIM + 1), table, i * DIM, DIM);
          bias[i] = dense[i * (DIM + 1) + DIM];
        }
        w.value("head.items").copyFrom(table);
        w.value("head.bias").copyFrom(bias);
      } else {
        w.value(composedName(p.name())).copyFrom(p.value());
      }
    }
    boolean dense = old.weights().output == OutputKind.DENSE;
    assertThat(w.size()).isEqualTo(old.parameters().size() + (dense ? 1 : 0));
    return new ComposedNetwork(a, w, threads);
  }

  /** As {@link LstmAttentionGradientTest#randomWeights}, with {@code layers} LSTM layers. */
  static LstmAttentionWeights randomWeights(long seed, OutputKind output, boolean scoreBias, int layers) {
    LstmAttentionWeights w = LstmAttentionWeights.allocate(ITEMS, DIM, HIDDEN, layers, ATTENTION, output, scoreBias);
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < w.set.size(); i++) {
      FloatTensor t = w.set.get(i).value();
      // Large attention weights make the scores vary between keys.
      double scale = i == w.wq() || i == w.wk() || i == w.v() ? 3.0 : 1.5;
      for (int j = 0; j < t.length(); j++) {
        t.set(j, (float) (scale * r.nextDouble(-1, 1)));
      }
    }
    w.value(LstmAttentionWeights.ITEM).fill(0, DIM, 0f);
    if (output == OutputKind.DENSE) {
      w.value(w.scoreTable()).fill(0, DIM + 1, 0f);
    }
    return w;
  }
}
