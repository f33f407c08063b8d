package org.recsys.attention.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.recsys.attention.layer.Initialisation;
import org.recsys.attention.layer.ParameterLayout;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.nn.ParameterSet;

/** A head's per-item bias: the same scores on the candidate and the full path, and its gradient on both. */
class DotScoringTest {
  private static final int ITEMS = 6;
  private static final int DIM = 3;

  @Test
  void theBiasIsAParameterOfTheHeadStartingAtZero() {
    DotHead head = new DotHead("head", false, "encoder.embedding.items", ITEMS, DIM, Initialisation.XAVIER, true);
    assertThat(head.parameters()).extracting(Object::toString).containsExactly("head.items[7, 3]", "head.bias[7]");
    assertThat(new DotHead("head", true, "t", ITEMS, DIM, Initialisation.XAVIER).biasName()).isEmpty();
    try (ParameterSet w = new ParameterLayout(head.parameters()).allocate()) {
      new ParameterLayout(head.parameters()).initialise(w, 3);
      assertThat(w.value("head.bias").toArray()).containsOnly(0f);
    }
  }

  @Test
  void candidatesAndFullScoringAddTheBiasAndBackPropagateIntoIt() {
    DotHead head = new DotHead("head", false, "unused", ITEMS, DIM, Initialisation.XAVIER, true);
    try (ParameterSet w = new ParameterLayout(head.parameters()).allocate();
        FloatTensor states = FloatTensor.of(new float[] {0.5f, -1f, 2f, 1.5f, 0.25f, -0.75f}, 2, DIM);
        FloatTensor logits = FloatTensor.zeros(2, ITEMS + 1);
        FloatTensor dStates = FloatTensor.zeros(2, DIM)) {
      SplittableRandom r = new SplittableRandom(1);
      for (Parameter p : w.parameters()) {
        for (int j = 0; j < p.length(); j++) {
          p.value().set(j, (float) r.nextDouble(-1, 1));
        }
      }
      FloatTensor[] grads = {w.get(0).gradient(), w.get(1).gradient()};
      Scoring scoring = head.scoring(w, grads);
      float[] table = w.value("head.items").toArray();
      float[] bias = w.value("head.bias").toArray();
      scoring.scoreAll(states, 0, 2, logits);
      int[] candidates = {4, 2, 6};
      for (int u = 0; u < 2; u++) {
        float[] state = new float[DIM];
        states.buffer().get(u * DIM, state, 0, DIM);
        float[] scores = new float[3];
        scoring.scoreCandidates(state, candidates, 3, new float[3 * DIM], scores);
        for (int i = 1; i <= ITEMS; i++) {
          double expected = bias[i];
          for (int j = 0; j < DIM; j++) {
            expected += state[j] * table[i * DIM + j];
          }
          assertThat((double) logits.get(u * (ITEMS + 1) + i)).isCloseTo(expected, within(1e-6));
        }
        for (int c = 0; c < 3; c++) {
          assertThat(scores[c]).isCloseTo(logits.get(u * (ITEMS + 1) + candidates[c]), within(1e-6f));
        }
      }
      // Full path: d(loss)/d(logit) of 1 everywhere gives each item's bias the number of rows.
      logits.fill(1f);
      scoring.backAll(logits, states, 0, 2, dStates, new float[ITEMS + 1], new float[ITEMS + 1]);
      assertThat(grads[1].toArray()).containsOnly(2f);
      // Candidate path: each candidate's bias gets its coefficient.
      float[] state = {0.5f, -1f, 2f};
      float[] rows = new float[3 * DIM];
      scoring.scoreCandidates(state, candidates, 3, rows, new float[3]);
      scoring.backCandidates(state, candidates, 3, rows, new float[] {0.5f, -0.25f, 1f}, new float[DIM],
          new float[DIM]);
      assertThat(grads[1].get(4)).isEqualTo(2.5f);
      assertThat(grads[1].get(2)).isEqualTo(1.75f);
      assertThat(grads[1].get(6)).isEqualTo(3f);
      assertThat(grads[1].get(1)).isEqualTo(2f);
    }
  }
}
