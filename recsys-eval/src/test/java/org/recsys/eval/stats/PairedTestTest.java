package org.recsys.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recsys.api.EvaluationReport;
import org.recsys.api.MetricSummary;

class PairedTestTest {
  private final PairedTest test = PairedTest.withSeed(1);

  @Test
  void tTestAndExactPermutationOnAHandWorkedExample() {
    // Differences d = 1, 2, 0, 3, 0, 4: mean 10/6 = 1.6667; deviations -0.667, 0.333, -1.667, 1.333, -1.667,
    // 2.333, squares sum to 13.333; s^2 = 13.333 / 5 = 2.6667, s = 1.63299; se = s / sqrt(6) = 0.66667;
    // t = 1.6667 / 0.66667 = 2.5 with 5 df -> two-sided p = 0.0544901 (mpmath).
    // Permutation: the non-zero differences 1, 2, 3, 4 have 16 sign patterns; only all-plus and all-minus reach
    // |sum| >= 10 -> p = 2/16 = 0.125 exactly.
    double[] baseline = {1, 2, 3, 4, 5, 6};
    double[] candidate = {2, 4, 3, 7, 5, 10};
    PairedComparison c = test.compare("NDCG@10", baseline, candidate);
    assertThat(c.baselineMean()).isCloseTo(3.5, within(1e-12));
    assertThat(c.candidateMean()).isCloseTo(31.0 / 6, within(1e-12));
    assertThat(c.difference()).isCloseTo(10.0 / 6, within(1e-12));
    assertThat(c.tStatistic()).isCloseTo(2.5, within(1e-12));
    assertThat(c.tTestP()).isCloseTo(0.054490099342376241116, within(1e-12));
    assertThat(c.permutationP()).isEqualTo(0.125);
    assertThat(c.exactPermutation()).isTrue();
    assertThat(c.ciLow()).isLessThanOrEqualTo(c.difference());
    assertThat(c.ciHigh()).isGreaterThanOrEqualTo(c.difference());
    assertThat(c.cases()).isEqualTo(6);
  }

  @Test
  void mixedSignsExample() {
    // d = 3, -1, 2, -2, 4: mean 1.2, s = 2.5884358, t = 1.2 / (2.5884358 / sqrt 5) = 1.0366421, 4 df ->
    // p = 0.3584563 (mpmath). Permutation: with magnitudes 3, 1, 2, 2, 4 (total 12) a pattern's sum is
    // 2 * (plus part) - 12, so |sum| >= 6 iff the plus part is <= 3 or >= 9. Plus parts <= 3: {}, {1}, {2}, {2'},
    // {3}, {1,2}, {1,2'} = 7 patterns, and 7 complements >= 9 -> p = 14/32 = 0.4375.
    PairedComparison c = test.compare("m", new double[5], new double[] {3, -1, 2, -2, 4});
    assertThat(c.tStatistic()).isCloseTo(1.036642110697632, within(1e-12));
    assertThat(c.tTestP()).isCloseTo(0.35845634462296430711, within(1e-12));
    assertThat(c.permutationP()).isEqualTo(0.4375);
  }

  @Test
  void identicalRunsAreNotDifferent() {
    double[] v = {0.1, 0.5, 0.0, 1.0};
    PairedComparison c = test.compare("m", v, v);
    assertThat(c.difference()).isEqualTo(0);
    assertThat(c.tStatistic()).isEqualTo(0);
    assertThat(c.tTestP()).isEqualTo(1);
    assertThat(c.permutationP()).isEqualTo(1);
  }

  @Test
  void aConstantImprovementIsCertainForTheTTest() {
    double[] a = new double[10];
    double[] b = new double[10];
    java.util.Arrays.fill(b, 0.5);
    PairedComparison c = test.compare("m", a, b);
    assertThat(c.tStatistic()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(c.tTestP()).isEqualTo(0);
    // 10 equal non-zero differences: only 2 of 1024 sign patterns are as extreme.
    assertThat(c.permutationP()).isEqualTo(2.0 / 1024);
  }

  @Test
  void randomPermutationsAgreeWithTheTTestOnManyCasesAndAreSeeded() {
    // 440 differences cycling through -0.5..0.5 in steps of 0.1, shifted by 0.03: s = 0.3166, se = 0.01509,
    // t = 1.99 -> p near 0.047; the sign-flip test should agree closely at this size.
    int n = 440;
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = ((i * 37) % 11 - 5) / 10.0 + 0.03;
    }
    PairedComparison c = test.compare("m", a, b);
    assertThat(c.exactPermutation()).isFalse();
    assertThat(c.tTestP()).isBetween(0.04, 0.055);
    assertThat(c.permutationP()).isCloseTo(c.tTestP(), within(0.008));
    assertThat(PairedTest.withSeed(1).compare("m", a, b)).isEqualTo(c);
    assertThat(PairedTest.withSeed(2).compare("m", a, b).permutationP()).isNotEqualTo(c.permutationP());
  }

  @Test
  void reportsMustCoverTheSameCasesUnderTheSameProtocol() {
    EvaluationReport full = report(Map.of("protocol", "full", "excludeSeen", "true"), new double[] {0, 1, 1});
    EvaluationReport fullB = report(Map.of("protocol", "full", "excludeSeen", "true"), new double[] {1, 1, 1});
    EvaluationReport sampled = report(Map.of("protocol", "sampled"), new double[] {0, 1, 0});
    EvaluationReport shorter = report(Map.of("protocol", "full", "excludeSeen", "true"), new double[] {0, 1});
    assertThat(test.compare(full, fullB, "HR@10").difference()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(test.compareAll(full, fullB)).extracting(PairedComparison::metric).containsExactly("HR@10");
    assertThatThrownBy(() -> test.compare(full, sampled, "HR@10"))
        .hasMessageContaining("differ in protocol entry 'protocol' (full vs sampled)");
    assertThatThrownBy(() -> test.compare(full, shorter, "HR@10")).hasMessageContaining("3 and 2 cases");
    assertThatThrownBy(() -> test.compare(full, fullB, "NDCG@5")).hasMessageContaining("no per-case values");
    assertThatThrownBy(() -> test.compare("m", new double[] {1}, new double[] {2}))
        .hasMessageContaining("at least 2 cases");
  }

  private static EvaluationReport report(Map<String, String> protocol, double[] hr) {
    double mean = java.util.Arrays.stream(hr).average().orElseThrow();
    return new EvaluationReport(protocol, Map.of("HR@10", new MetricSummary(mean, mean, mean)),
        Map.of("HR@10", hr), hr.length);
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> new PairedTest(100, 0, 1)).hasMessageContaining("permutations must be >= 1");
  }

  @Test
  void permutationsAreExactUpToTheLimitOfNonZeroDifferences() {
    double[] a = new double[40];
    double[] exact = new double[40];
    double[] sampled = new double[40];
    for (int i = 0; i < PairedTest.EXACT_LIMIT + 1; i++) {
      sampled[i] = 1;
      if (i < PairedTest.EXACT_LIMIT) {
        exact[i] = 1;
      }
    }
    // 16 equal differences: 2 of 65536 patterns; 17 by random flips: (1 + hits) / 10001 >= 1/10001.
    assertThat(test.compare("m", a, exact).exactPermutation()).isTrue();
    assertThat(test.compare("m", a, exact).permutationP()).isEqualTo(2.0 / 65536);
    assertThat(test.compare("m", a, sampled).exactPermutation()).isFalse();
    assertThat(test.compare("m", a, sampled).permutationP()).isBetween(1.0 / 10001, 5.0 / 10001);
  }
}
