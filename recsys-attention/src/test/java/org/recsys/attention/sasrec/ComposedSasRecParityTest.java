package org.recsys.attention.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.recsys.attention.head.DotHead;
import org.recsys.attention.layer.BlockLayout;
import org.recsys.attention.layer.Initialisation;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.layer.LayerNormLayer;
import org.recsys.attention.layer.Positions;
import org.recsys.attention.layer.SequenceEmbedding;
import org.recsys.attention.layer.SequenceEncoder;
import org.recsys.attention.layer.TransformerBlock;
import org.recsys.attention.loss.BinaryCrossEntropy;
import org.recsys.attention.loss.Loss;
import org.recsys.attention.loss.SampledSoftmax;
import org.recsys.attention.loss.SoftmaxCrossEntropy;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.model.ComposedNetwork;
import org.recsys.attention.nn.NextItemLoss;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.objective.NextItem;
import org.recsys.attention.train.PackedSequences;
import org.recsys.attention.train.TrainingBatch;
import org.recsys.attention.testing.GradientCheck;

/** The composed SASRec against the monolithic pass it replaces: same outputs and gradients on the same weights. */
class ComposedSasRecParityTest {
  private static final int ITEMS = 7;
  private static final int MAX_LEN = 5;
  private static final int DIM = 4;
  private static final int[] INPUTS = {
      3, 1, 4, 1, 5,
      0, 0, 2, 6, 7,
      0, 0, 0, 0, 6};
  private static final int[] TARGETS = {
      1, 4, 1, 5, 2,
      0, 0, 6, 7, 3,
      0, 0, 0, 0, 1};

  static SasRecWeights randomWeights(long seed, int heads, PositionOrigin origin, boolean scoreBias) {
    SasRecWeights w = SasRecWeights.allocate(ITEMS, MAX_LEN, DIM, 2, heads, origin, scoreBias);
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < w.set.size(); i++) {
      Parameter p = w.set.get(i);
      boolean gain = p.name().endsWith(".gain");
      for (int j = 0; j < p.length(); j++) {
        double g = r.nextDouble(-1, 1);
        p.value().set(j, (float) (gain ? 1 + 0.3 * g : 0.5 * g));
      }
    }
    w.value(SasRecWeights.ITEM).fill(0, DIM, 0f);
    return w;
  }

  static String composedName(String old) {
    return switch (old) {
      case "item_embedding" -> "encoder.embedding.items";
      case "position_embedding" -> "encoder.embedding.positions";
      case "score_bias" -> Architecture.SCORE_BIAS;
      default -> "encoder." + old;
    };
  }

  static Architecture sasrec(int heads, PositionOrigin origin, Loss loss, boolean scoreBias, double dropout) {
    org.recsys.attention.layer.PositionOrigin o = org.recsys.attention.layer.PositionOrigin.valueOf(origin.name());
    SequenceEmbedding emb = new SequenceEmbedding("encoder.embedding", ITEMS + 1, DIM, MAX_LEN, Positions.LEARNED, o,
        true, dropout, Initialisation.XAVIER);
    List<Layer> blocks = List.of(
        new TransformerBlock("encoder.block0", DIM, heads, DIM, true, BlockLayout.SASREC, dropout, dropout, 1e-8f,
            Initialisation.XAVIER),
        new TransformerBlock("encoder.block1", DIM, heads, DIM, true, BlockLayout.SASREC, dropout, dropout, 1e-8f,
            Initialisation.XAVIER));
    SequenceEncoder encoder = new SequenceEncoder(emb, blocks,
        Optional.of(new LayerNormLayer("encoder.final_norm", DIM, 1e-8f)));
    return new Architecture(encoder, new DotHead("head", true, emb.itemTable(), ITEMS, DIM, Initialisation.XAVIER),
        loss, scoreBias, new NextItem(), MAX_LEN, ITEMS);
  }

  static Loss composedLoss(NextItemLoss loss, int k, double t) {
    return switch (loss) {
      case BCE -> BinaryCrossEntropy.bce(k);
      case GBCE -> BinaryCrossEntropy.gbce(k, ITEMS, t);
      case SAMPLED_SOFTMAX -> new SampledSoftmax(k);
      case CE -> new SoftmaxCrossEntropy(false);
    };
  }

  static ComposedNetwork copyOf(SasRecNetwork old, Architecture a, int threads) {
    ParameterSet w = a.layout().allocate();
    for (Parameter p : old.parameters().parameters()) {
      w.value(composedName(p.name())).copyFrom(p.value());
    }
    assertThat(w.size()).isEqualTo(old.parameters().size());
    return new ComposedNetwork(a, w, threads);
  }

  @ParameterizedTest
  @EnumSource(NextItemLoss.class)
  void sameLossAndGradientsAsTheMonolithicPass(NextItemLoss kind) {
    for (boolean scoreBias : kind.binary() ? new boolean[] {false, true} : new boolean[] {false}) {
      for (int heads : new int[] {1, 2}) {
        check(kind, scoreBias, heads, PositionOrigin.END, 0.0, 1);
      }
    }
    check(kind, false, 2, PositionOrigin.START, 0.0, 2);
    // Dropout: both draw their masks from the same per-sequence streams in the same order.
    check(kind, false, 2, PositionOrigin.END, 0.3, 2);
  }

  private static void check(NextItemLoss kind, boolean scoreBias, int heads, PositionOrigin origin, double dropout,
      int threads) {
    int k = GradientCheck.negativesFor(kind);
    double t = 0.6;
    int[] neg = GradientCheck.negatives(TARGETS, ITEMS, k, 11);
    TrainingBatch batch = new TrainingBatch(3, MAX_LEN, INPUTS, TARGETS, neg, k);
    try (SasRecNetwork old = new SasRecNetwork(randomWeights(2, heads, origin, scoreBias), kind, k,
        t, dropout, threads);
        ComposedNetwork composed = copyOf(old, sasrec(heads, origin, composedLoss(kind, k, t), scoreBias, dropout),
            threads)) {
      String what = kind + " bias=" + scoreBias + " heads=" + heads + " " + origin + " dropout=" + dropout;
      PackedSequences packed = PackedSequences.fromWindows(3, MAX_LEN, INPUTS,
          TARGETS, new int[0], 0, ITEMS);
      float[][] a = old.outputs(packed);
      float[][] b = composed.outputs(packed);
      for (int r = 0; r < a.length; r++) {
        for (int j = 0; j < DIM; j++) {
          assertThat(b[r][j]).as("%s output row %d dim %d", what, r, j).isCloseTo(a[r][j], within(1e-6f));
        }
      }
      double lossOld = old.computeGradients(batch, 5L);
      double lossNew = composed.computeGradients(batch, 5L);
      assertThat(lossNew).as("%s loss", what).isCloseTo(lossOld, within(1e-6));
      for (Parameter p : old.parameters().parameters()) {
        float[] expected = p.gradient().toArray();
        float[] actual = composed.parameters().get(composed.parameters().indexOf(composedName(p.name()))).gradient()
            .toArray();
        for (int j = 0; j < expected.length; j++) {
          assertThat(actual[j]).as("%s gradient of %s[%d]", what, p.name(), j).isCloseTo(expected[j], within(1e-6f));
        }
      }
    }
  }
}
