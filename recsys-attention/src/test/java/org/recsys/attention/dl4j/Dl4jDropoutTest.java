package org.recsys.attention.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.train.TrainingBatch;

/**
 * Dropout on the dl4j backend, by masks fed from Java: a step is repeatable for its seed and differs between seeds,
 * and SameDiff's gradients through the masks agree with central differences of the same masked loss.
 */
class Dl4jDropoutTest {
  private static final int ITEMS = 13;
  private static final int MAX_LEN = 6;

  private static String spec(String layout, String loss) {
    return "{'backend': 'dl4j', 'maxLen': " + MAX_LEN + ", 'encoder': {'embedding': {'hiddenSize': 8, 'dropout': 0.3},"
        + " 'blocks': [{'type': 'transformer', 'heads': 2, 'layout': '" + layout + "', 'dropout': 0.3,"
        + " 'attentionDropout': 0.4}]}, 'loss': " + loss + "}";
  }

  /** The parameters next to a mask: the tables (embedding dropout), the attention's, the feed-forward's. */
  private static final Set<String> CHECKED = Set.of("encoder.embedding.items",
      "encoder.embedding.positions", "encoder.block0.attention.wv", "encoder.block0.attention.wo",
      "encoder.block0.ffn.w1", "encoder.block0.ffn.w2");

  @ParameterizedTest
  @ValueSource(strings = {"sasrec", "pre-ln"})
  void gradientsThroughTheMasksMatchCentralDifferences(String layout) {
    Architecture a = ParityCases.blueprint(spec(layout, "{'type': 'ce'}")).architecture(ITEMS);
    TrainingBatch batch = ParityCases.batch(4, MAX_LEN, ITEMS, 0, 3);
    long seed = 17;
    try (Dl4jNetwork network = new Dl4jNetwork(a, ParityCases.weights(a, 2))) {
      network.computeGradients(batch, seed);
      int checked = 0;
      for (Parameter p : network.parameters().parameters()) {
        if (!CHECKED.contains(p.name())) {
          continue;
        }
        float[] gradient = p.gradient().toArray();
        int j = argMaxAbs(gradient);
        if (Math.abs(gradient[j]) < 1e-3) {
          continue;
        }
        double h = 2e-3;
        FloatTensor v = p.value();
        float w = v.get(j);
        v.set(j, (float) (w + h));
        double up = network.computeGradients(batch, seed);
        v.set(j, (float) (w - h));
        double down = network.computeGradients(batch, seed);
        v.set(j, w);
        double numeric = (up - down) / (2 * h);
        assertThat(numeric).as("d loss / d %s[%d]", p.name(), j)
            .isCloseTo(gradient[j], within(0.03 * Math.abs(gradient[j]) + 1e-3));
        checked++;
      }
      assertThat(checked).as("parameters checked").isEqualTo(CHECKED.size());
    }
  }

  @Test
  void aStepIsRepeatableForItsSeedAndItsMasksDependOnIt() {
    Architecture a = ParityCases.blueprint(spec("sasrec", "{'type': 'bce'}")).architecture(ITEMS);
    TrainingBatch batch = ParityCases.batch(4, MAX_LEN, ITEMS, 1, 3);
    try (Dl4jNetwork network = new Dl4jNetwork(a, ParityCases.weights(a, 2))) {
      double first = network.computeGradients(batch, 5);
      float[] gradient = network.parameters().get(0).gradient().toArray();
      assertThat(network.computeGradients(batch, 5)).isEqualTo(first);
      assertThat(network.parameters().get(0).gradient().toArray()).containsExactly(gradient);
      assertThat(network.computeGradients(batch, 6)).isNotEqualTo(first);
    }
  }

  @Test
  void aMaskDropsAtItsRateAndKeepsTheMeanAtInference() {
    DropoutMask mask = new DropoutMask("m", 0.25, new long[] {50}, false);
    try (INDArray m = mask.draw(20, 10, true, 1); INDArray ones = mask.draw(20, 10, false, 1)) {
      assertThat(m.shape()).containsExactly(200, 50);
      double dropped = m.eq(0).castTo(DataType.FLOAT).meanNumber().doubleValue();
      assertThat(dropped).isCloseTo(0.25, within(0.02));
      assertThat(m.meanNumber().doubleValue()).isCloseTo(1.0, within(0.03));
      assertThat(m.maxNumber().doubleValue()).isCloseTo(1 / 0.75, within(1e-6));
      assertThat(ones.minNumber().doubleValue()).isEqualTo(1.0);
      assertThat(new DropoutMask("a", 0.5, new long[] {2, 4, 4}, true).draw(3, 4, true, 1).shape())
          .containsExactly(3, 2, 4, 4);
    }
  }

  private static int argMaxAbs(float[] a) {
    int best = 0;
    for (int i = 1; i < a.length; i++) {
      if (Math.abs(a[i]) > Math.abs(a[best])) {
        best = i;
      }
    }
    return best;
  }
}
