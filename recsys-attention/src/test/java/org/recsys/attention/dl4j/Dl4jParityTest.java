package org.recsys.attention.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.model.ComposedNetwork;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.train.TrainingBatch;

/**
 * On the same weights and batch, without dropout, the dl4j backend's SameDiff graph computes the native network's
 * loss (to 1e-5), every parameter's gradient (to 1e-4) and every item's score for a history (to 1e-5): SASRec
 * (causal) and a bidirectional transformer under the Cloze objective, with each supported loss, LSTM-attention,
 * GRU4Rec and Caser.
 */
class Dl4jParityTest {
  private static final int ITEMS = 23;
  private static final int MAX_LEN = 7;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("sasrec bce", ParityCases.sasrec(MAX_LEN, "{'type': 'bce'}")),
        Arguments.of("sasrec ce", ParityCases.sasrec(MAX_LEN, "{'type': 'ce'}")),
        Arguments.of("sasrec bce, 3 negatives, score bias", ParityCases.sasrec(MAX_LEN,
            "{'type': 'bce', 'negatives': 3, 'scoreBias': true}")),
        Arguments.of("sasrec sampled-softmax, every item scored", ParityCases.sasrec(MAX_LEN,
            "{'type': 'sampled-softmax', 'negatives': 4}")),
        Arguments.of("sasrec sampled-softmax, candidates per cell", ParityCases.sasrec(MAX_LEN,
            "{'type': 'sampled-softmax', 'negatives': 1}")),
        Arguments.of("bidirectional pre-ln sampled-softmax, untied head with bias", ParityCases.bidirectional(MAX_LEN,
            "pre-ln", false, "{'type': 'sampled-softmax', 'negatives': 6}")),
        Arguments.of("sasrec gbce", ParityCases.sasrec(MAX_LEN, "{'type': 'gbce', 'negatives': 4, 't': 0.5}")),
        Arguments.of("bidirectional post-ln ce", ParityCases.bidirectional(MAX_LEN, "post-ln", true,
            "{'type': 'ce'}")),
        Arguments.of("bidirectional pre-ln bce, untied head", ParityCases.bidirectional(MAX_LEN, "pre-ln", false,
            "{'type': 'bce', 'negatives': 2}")),
        Arguments.of("bidirectional sasrec-layout ce", ParityCases.bidirectional(MAX_LEN, "sasrec", true,
            "{'type': 'ce'}")),
        Arguments.of("bert4rec: embedding norm, post-ln, gelu, ce", ParityCases.bert4rec(MAX_LEN)),
        Arguments.of("lstm-attention bce", ParityCases.lstmAttention(MAX_LEN, "{'type': 'bce', 'negatives': 2}")),
        Arguments.of("lstm-attention ce", ParityCases.lstmAttention(MAX_LEN, "{'type': 'ce'}")),
        Arguments.of("gru4rec ce, untied head with bias", ParityCases.gru4rec(MAX_LEN, "{'type': 'ce'}")),
        Arguments.of("gru4rec gbce", ParityCases.gru4rec(MAX_LEN, "{'type': 'gbce', 'negatives': 3, 't': 0.5}")),
        Arguments.of("caser bce, 3 negatives", ParityCases.caser(MAX_LEN, "{'type': 'bce', 'negatives': 3}")),
        Arguments.of("caser ce", ParityCases.caser(MAX_LEN, "{'type': 'ce'}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void lossGradientsAndScoresMatchTheNativeNetwork(String name, String spec) {
    Architecture a = ParityCases.blueprint(spec).architecture(ITEMS);
    ParameterSet weights = ParityCases.weights(a, 5);
    TrainingBatch batch = ParityCases.batch(6, MAX_LEN, ITEMS, a.loss().negatives(), 11);
    try (ComposedNetwork reference = new ComposedNetwork(a, ParityCases.copy(a, weights), 1);
        Dl4jNetwork dl4j = new Dl4jNetwork(a, weights)) {
      double expected = reference.computeGradients(batch, 3);
      double actual = dl4j.computeGradients(batch, 3);
      assertThat(actual).as("loss").isCloseTo(expected, within(1e-5));
      for (int i = 0; i < weights.size(); i++) {
        float[] e = reference.parameters().get(i).gradient().toArray();
        float[] g = dl4j.parameters().get(i).gradient().toArray();
        assertThat(maxDifference(e, g)).as("gradient of %s", weights.get(i).name()).isLessThan(1e-4);
        assertThat(maxAbs(e)).as("gradient of %s is not all zero", weights.get(i).name()).isGreaterThan(0);
      }
      List<int[]> histories = ParityCases.histories(5, MAX_LEN, ITEMS, 13);
      float[][] native_ = reference.recommender().scoreAll(histories);
      float[][] graph = dl4j.scoreAll(histories);
      for (int h = 0; h < histories.size(); h++) {
        assertThat(graph[h][0]).isEqualTo(Float.NEGATIVE_INFINITY);
        for (int item = 1; item <= ITEMS; item++) {
          assertThat((double) graph[h][item]).as("history %d, item %d", h, item)
              .isCloseTo(native_[h][item], within(1e-5));
        }
      }
    }
  }

  static double maxDifference(float[] a, float[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  static double maxAbs(float[] a) {
    double m = 0;
    for (float v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
