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
        FloatTensor dStates = FloatTensor.zeros(2, DIM);
        CandidateScratch scratch = new CandidateScratch(DIM)) {
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
        scoring.scoreCandidates(state, candidates, 3, scratch, scores);
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
      scoring.scoreCandidates(state, candidates, 3, scratch, new float[3]);
      scoring.backCandidates(state, candidates, 3, scratch, new float[] {0.5f, -0.25f, 1f}, new float[DIM]);
      scratch.flush();
      assertThat(grads[1].get(4)).isEqualTo(2.5f);
      assertThat(grads[1].get(2)).isEqualTo(1.75f);
      assertThat(grads[1].get(6)).isEqualTo(3f);
      assertThat(grads[1].get(1)).isEqualTo(2f);
    }
  }

  /**
   * The candidate path's gradients equal the full path's when d(loss)/d(logits) is the candidates' coefficients
   * scattered into the logits: over 300 positions (more than one buffered flush) and with an item drawn twice.
   */
  @Test
  void candidateGradientsEqualTheFullPathsOnTheSameCoefficients() {
    int positions = 300;
    int k = 5;
    DotHead head = new DotHead("head", false, "unused", ITEMS, DIM, Initialisation.XAVIER, true);
    try (ParameterSet w = new ParameterLayout(head.parameters()).allocate();
        ParameterSet full = new ParameterLayout(head.parameters()).allocate();
        FloatTensor states = FloatTensor.zeros(positions, DIM);
        FloatTensor dLogits = FloatTensor.zeros(positions, ITEMS + 1);
        FloatTensor dStates = FloatTensor.zeros(positions, DIM);
        CandidateScratch scratch = new CandidateScratch(DIM)) {
      new ParameterLayout(head.parameters()).initialise(w, 5);
      full.get(0).value().copyFrom(w.get(0).value());
      SplittableRandom r = new SplittableRandom(2);
      for (int j = 0; j < states.length(); j++) {
        states.set(j, (float) r.nextDouble(-1, 1));
      }
      Scoring candidatePath = head.scoring(w, new FloatTensor[] {w.get(0).gradient(), w.get(1).gradient()});
      Scoring fullPath = head.scoring(full, new FloatTensor[] {full.get(0).gradient(), full.get(1).gradient()});
      float[] candidateDStates = new float[positions * DIM];
      for (int p = 0; p < positions; p++) {
        int[] candidates = new int[k];
        float[] coefficients = new float[k];
        for (int i = 0; i < k; i++) {
          candidates[i] = 1 + r.nextInt(ITEMS);
          coefficients[i] = (float) r.nextDouble(-1, 1);
          int cell = p * (ITEMS + 1) + candidates[i];
          dLogits.set(cell, dLogits.get(cell) + coefficients[i]);
        }
        float[] state = new float[DIM];
        states.buffer().get(p * DIM, state, 0, DIM);
        float[] dState = new float[DIM];
        candidatePath.scoreCandidates(state, candidates, k, scratch, new float[k]);
        candidatePath.backCandidates(state, candidates, k, scratch, coefficients, dState);
        System.arraycopy(dState, 0, candidateDStates, p * DIM, DIM);
      }
      scratch.flush();
      fullPath.backAll(dLogits, states, 0, positions, dStates, new float[ITEMS + 1], new float[ITEMS + 1]);
      float[] expectedTable = full.get(0).gradient().toArray();
      float[] table = w.get(0).gradient().toArray();
      assertThat(expectedTable[DIM]).isNotZero();
      for (int j = 0; j < table.length; j++) {
        assertThat(table[j]).as("table gradient %d", j).isCloseTo(expectedTable[j], within(1e-4f));
      }
      float[] expectedBias = full.get(1).gradient().toArray();
      float[] bias = w.get(1).gradient().toArray();
      for (int j = 0; j < bias.length; j++) {
        assertThat(bias[j]).isCloseTo(expectedBias[j], within(1e-4f));
      }
      float[] expectedStates = dStates.toArray();
      for (int j = 0; j < expectedStates.length; j++) {
        assertThat(candidateDStates[j]).isCloseTo(expectedStates[j], within(1e-5f));
      }
    }
  }
}
