package org.recsys.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.recsys.api.MetricSummary;

class BootstrapTest {
  /** 2000 cases, 600 of them hits: a hit rate of 0.3. */
  private static double[] hits() {
    double[] v = new double[2000];
    for (int i = 0; i < 600; i++) {
      v[i * 3] = 1;
    }
    return v;
  }

  @Test
  void theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
    double[] v = hits();
    MetricSummary a = new Bootstrap(1000, 7).summarize(v);
    MetricSummary b = new Bootstrap(1000, 7).summarize(v);
    MetricSummary c = new Bootstrap(1000, 8).summarize(v);
    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
    assertThat(c.mean()).isEqualTo(a.mean());
  }

  @Test
  void theThreadCountDoesNotChangeTheResult() {
    SplittableRandom rng = new SplittableRandom(1);
    Map<String, double[]> values = new LinkedHashMap<>();
    for (String key : new String[] {"x", "y", "z"}) {
      double[] v = new double[777];
      for (int i = 0; i < v.length; i++) {
        v[i] = rng.nextDouble() < 0.4 ? rng.nextDouble() : 0;
      }
      values.put(key, v);
    }
    assertThat(new Bootstrap(500, 3, 4).summarizeAll(values)).isEqualTo(new Bootstrap(500, 3, 1).summarizeAll(values));
  }

  @Test
  void theIntervalOfAHitRateMatchesTheNormalApproximation() {
    // Mean 0.3 over n = 2000: the standard error is sqrt(0.3 * 0.7 / 2000) = 0.010247, so the 95% interval is
    // about 0.3 -+ 1.96 * 0.010247 = [0.2799, 0.3201].
    MetricSummary s = new Bootstrap(2000, 5).summarize(hits());
    assertThat(s.mean()).isCloseTo(0.3, within(1e-12));
    assertThat(s.ciLow()).isCloseTo(0.2799, within(0.003));
    assertThat(s.ciHigh()).isCloseTo(0.3201, within(0.003));
  }

  @Test
  void constantValuesGiveAZeroWidthInterval() {
    double[] v = new double[101];
    java.util.Arrays.fill(v, 0.1);
    MetricSummary s = new Bootstrap(200, 1).summarize(v);
    assertThat(s.ciLow()).isCloseTo(0.1, within(1e-15));
    assertThat(s.ciHigh()).isCloseTo(0.1, within(1e-15));
    assertThat(s.ciLow()).isLessThanOrEqualTo(s.mean());
    assertThat(s.ciHigh()).isGreaterThanOrEqualTo(s.mean());
  }

  @Test
  void noResamplesMeansNoInterval() {
    Bootstrap none = new Bootstrap(0, 1);
    assertThat(none.summarize(new double[] {0, 1})).isEqualTo(new MetricSummary(0.5, 0.5, 0.5));
    assertThat(none.describe()).isEqualTo("none");
    assertThat(new Bootstrap(1000, 9).describe()).isEqualTo("percentile bootstrap 95%, 1000 resamples, seed 9");
  }

  @Test
  void quantilesInterpolateBetweenOrderStatistics() {
    double[] sorted = {1, 2, 3, 4};
    // Position p * (n - 1): 0.5 * 3 = 1.5 -> halfway between 2 and 3.
    assertThat(Bootstrap.quantile(sorted, 0.5)).isEqualTo(2.5);
    assertThat(Bootstrap.quantile(sorted, 0)).isEqualTo(1);
    assertThat(Bootstrap.quantile(sorted, 1)).isEqualTo(4);
    // 0.025 * 3 = 0.075 -> 1 + 0.075 * (2 - 1).
    assertThat(Bootstrap.quantile(sorted, 0.025)).isCloseTo(1.075, within(1e-12));
  }

  @Test
  void badInputIsRejected() {
    Bootstrap b = new Bootstrap(10, 1);
    assertThatThrownBy(() -> b.summarize(new double[0])).hasMessageContaining("at least one case");
    assertThatThrownBy(() -> b.summarize(new double[] {1, Double.NaN})).hasMessageContaining("non-finite");
    Map<String, double[]> uneven = new LinkedHashMap<>();
    uneven.put("a", new double[3]);
    uneven.put("b", new double[2]);
    assertThatThrownBy(() -> b.summarizeAll(uneven)).hasMessageContaining("'b' has 2 values, expected 3");
    assertThatThrownBy(() -> new Bootstrap(-1, 1)).hasMessageContaining("resamples must be >= 0");
  }
}
