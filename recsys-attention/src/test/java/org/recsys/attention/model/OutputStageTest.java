package org.recsys.attention.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recsys.attention.head.DotHead;
import org.recsys.attention.layer.Initialisation;
import org.recsys.attention.layer.Rows;
import org.recsys.attention.loss.BinaryCrossEntropy;
import org.recsys.attention.loss.Loss;
import org.recsys.attention.loss.SampledSoftmax;
import org.recsys.attention.loss.SoftmaxCrossEntropy;
import org.recsys.attention.nn.DenseStates;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.nn.WindowItems;
import org.recsys.attention.train.PackedSequences;

/** Known answers, worked out by hand, for the losses as the output stage applies them through a dot head. */
class OutputStageTest {
  private static final String TABLE = "items";

  /** A tied dot head over {@code table} ({@code [n + 1, 2]}, row 0 padding), with a score bias when given. */
  private record Stage(ParameterSet weights, FloatTensor[] grads, OutputStage stage) implements AutoCloseable {
    static Stage of(float[] table, Loss loss, Float scoreBias) {
      int n = table.length / 2 - 1;
      List<Parameter> p = new ArrayList<>(List.of(Parameter.zeros(TABLE, true, n + 1, 2)));
      if (scoreBias != null) {
        p.add(Parameter.zeros(Architecture.SCORE_BIAS, false, 1));
      }
      ParameterSet w = new ParameterSet(p);
      w.value(TABLE).copyFrom(table);
      if (scoreBias != null) {
        w.value(Architecture.SCORE_BIAS).set(0, scoreBias);
      }
      FloatTensor[] grads = w.parameters().stream().map(Parameter::gradient).toArray(FloatTensor[]::new);
      DotHead head = new DotHead("head", true, TABLE, n, 2, Initialisation.XAVIER);
      return new Stage(w, grads, new OutputStage(head, loss, w, grads, scoreBias == null ? -1 : 1));
    }

    FloatTensor tableGradient() {
      return grads[0];
    }

    @Override
    public void close() {
      stage.close();
      weights.close();
    }
  }

  /** The rows of one window of {@code targets.length} positions (inputs 1, 2, ...; {@code k} negatives each). */
  private static Rows rows(int[] targets, int[] negatives, int k, int numItems) {
    int len = targets.length;
    int[] inputs = new int[len];
    for (int t = 0; t < len; t++) {
      inputs[t] = t + 1;
    }
    PackedSequences packed = PackedSequences.fromWindows(1, len, inputs, targets, negatives, k, numItems);
    return new Rows().reset(packed, 0, packed.count, false, 0L);
  }

  @Test
  void fullSoftmaxOfEqualScoresIsLogNAndPushesTheTargetUp() {
    // Four items, dim 2; a state orthogonal to every item: all scores 0, so the loss is log 4 per row.
    float[] table = {0, 0, 1, 0, 0, 1, 1, 1, -1, 1};
    try (Stage s = Stage.of(table, new SoftmaxCrossEntropy(false), null);
        FloatTensor y = FloatTensor.of(new float[] {0, 0, 0, 0}, 2, 2); FloatTensor dy = FloatTensor.zeros(2, 2)) {
      double total = s.stage().compute(y, rows(new int[] {3, 0}, new int[0], 0, 4), 0.5f, dy, null);
      assertThat(total).isCloseTo(Math.log(4), within(1e-6));
      // Row 0 (target 3): dy = 0.5 * (sum_i p_i e_i - e_3) = 0.5 * ((1/4) * (1, 3) - (1, 1)) = (-0.375, -0.125).
      assertThat(dy.get(0)).isCloseTo(-0.375f, within(1e-6f));
      assertThat(dy.get(1)).isCloseTo(-0.125f, within(1e-6f));
      // Row 1 has no target: no gradient.
      assertThat(dy.get(2)).isZero();
      assertThat(dy.get(3)).isZero();
      // The padding row is never scored.
      assertThat(s.tableGradient().get(0)).isZero();
      assertThat(s.tableGradient().get(1)).isZero();
    }
  }

  @Test
  void excludingTheWindowsItemsLeavesThemOutOfTheSoftmaxAndItsGradient() {
    // Items 1 (1,0), 2 (0,1), 3 (1,1), 4 (-1,1). One window of two rows: inputs 1, 2; targets 3, none.
    float[] table = {0, 0, 1, 0, 0, 1, 1, 1, -1, 1};
    WindowItems window = new WindowItems(new int[] {0, 2}, new int[] {1, 2}, new int[] {3, 0});
    Rows rows = rows(new int[] {3, 0}, new int[0], 0, 4);
    try (Stage s = Stage.of(table, new SoftmaxCrossEntropy(true), null);
        FloatTensor y = FloatTensor.of(new float[] {1, 0, 0, 0}, 2, 2); FloatTensor dy = FloatTensor.zeros(2, 2)) {
      // Row 0 scores items 3 and 4 only (1 and -1): loss = log(e + 1/e) - 1 = log(1 + e^-2).
      double total = s.stage().compute(y, rows, 0.5f, dy, window);
      assertThat(total).isCloseTo(Math.log1p(Math.exp(-2)), within(1e-6));
      double p4 = 1 / (1 + Math.exp(2));
      // dy = 0.5 * (p3 e3 + p4 e4 - e3) = 0.5 * p4 * (e4 - e3) = 0.5 * p4 * (-2, 0).
      assertThat(dy.get(0)).isCloseTo((float) (-p4), within(1e-6f));
      assertThat(dy.get(1)).isCloseTo(0f, within(1e-6f));
      // The excluded items get no gradient; 3 and 4 get 0.5 * (p - [target]) * y.
      FloatTensor g = s.tableGradient();
      assertThat(new float[] {g.get(2), g.get(3), g.get(4), g.get(5)}).containsOnly(0f);
      assertThat(g.get(6)).isCloseTo((float) (-0.5 * p4), within(1e-6f));
      assertThat(g.get(8)).isCloseTo((float) (0.5 * p4), within(1e-6f));
    }
    // Without the exclusion, item 1 (score 1) takes part and the loss is log(e + 1 + e + 1/e) - 1.
    try (Stage s = Stage.of(table, new SoftmaxCrossEntropy(false), null);
        FloatTensor y = FloatTensor.of(new float[] {1, 0, 0, 0}, 2, 2); FloatTensor dy = FloatTensor.zeros(2, 2)) {
      double all = s.stage().compute(y, rows, 0.5f, dy, null);
      assertThat(all).isCloseTo(Math.log(2 * Math.E + 1 + 1 / Math.E) - 1, within(1e-6));
      assertThat(s.tableGradient().get(2)).isNotZero();
    }
  }

  @Test
  void theScoreBiasShiftsEveryBinaryScoreAndGetsTheSumOfTheirGradients() {
    // Items 1 (1,0), 2 (0,1); one row y = (1, 0) with target 1 and negative 2: raw scores 1 and 0, bias -1.
    float[] table = {0, 0, 1, 0, 0, 1};
    try (Stage s = Stage.of(table, BinaryCrossEntropy.bce(1), -1f);
        FloatTensor y = FloatTensor.of(new float[] {1, 0}, 1, 2); FloatTensor dy = FloatTensor.zeros(1, 2)) {
      // Biased scores 0 and -1: loss = softplus(-0) + softplus(-1) = log 2 + log(1 + e^-1).
      double total = s.stage().compute(y, rows(new int[] {1}, new int[] {2}, 1, 2), 1f, dy, null);
      assertThat(total).isCloseTo(Math.log(2) + Math.log1p(Math.exp(-1)), within(1e-6));
      // d/ds+ = -sigmoid(0) = -0.5; d/ds- = sigmoid(-1); the bias gets their sum.
      double sn = 1 / (1 + Math.E);
      assertThat(s.grads()[1].get(0)).isCloseTo((float) (-0.5 + sn), within(1e-6f));
      assertThat(dy.get(0)).isCloseTo(-0.5f, within(1e-6f));
      assertThat(dy.get(1)).isCloseTo((float) sn, within(1e-6f));
    }
    // Softmax losses ignore a shift of every score (which is why only the binary losses may have the bias).
    float[] scores = {1f, 0f};
    float[] shifted = {0f, -1f};
    SampledSoftmax softmax = new SampledSoftmax(1);
    assertThat(softmax.apply(shifted, 2, 1f)).isCloseTo(softmax.apply(scores, 2, 1f), within(1e-6));
    assertThat(shifted).containsExactly(scores, within(1e-6f));
  }

  @Test
  void theHeadScorerComputesKnownScores() {
    // Items 1..3 in 2 dimensions; row 0 is padding.
    try (Stage s = Stage.of(new float[] {0, 0, 1, 0, 0, 1, 1, 1}, new SoftmaxCrossEntropy(false), null);
        HeadScorer scorer = new HeadScorer(new DotHead("head", true, TABLE, 3, 2, Initialisation.XAVIER)
            .scoring(s.weights(), null))) {
      DenseStates states = new DenseStates(new float[][] {{2, 3}, {-1, 0}}, 2);
      float[][] all = scorer.scoreAll(states);
      assertThat(all[0]).containsExactly(Float.NEGATIVE_INFINITY, 2f, 3f, 5f);
      assertThat(all[1]).containsExactly(Float.NEGATIVE_INFINITY, -1f, 0f, -1f);
      assertThat(scorer.scoreCandidates(states, new int[][] {{3, 1}, {2}})).isDeepEqualTo(new float[][] {{5f, 2f},
          {0f}});
      assertThatThrownBy(() -> scorer.scoreCandidates(states, new int[][] {{4}, {1}}))
          .hasMessageContaining("item id 4");
    }
  }
}
