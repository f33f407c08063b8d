package org.recsys.attention.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.recsys.attention.train.TrainingBatch;

/** The masked every-item formulation's fed constant, and which formulation each size gets. */
class SampledSoftmaxGraphTest {
  private static final float M = (float) GraphContext.MASKED;

  @Test
  void logMultiplicityCountsEachCandidateAsOftenAsItOccurs() {
    // One window of 3 cells, items 1..4 (5 columns with padding), 3 negatives per cell. Cell 0 is padding; cell 1
    // has target 2 with negatives 4, 2, 4 (the target twice, item 4 twice); cell 2 target 1, negatives 3, 4, 2.
    TrainingBatch b = new TrainingBatch(1, 3, new int[] {0, 1, 2}, new int[] {0, 2, 1},
        new int[] {0, 0, 0, 4, 2, 4, 3, 4, 2}, 3);

    float[] out = SampledSoftmaxGraph.logMultiplicity(b, 3, 5);

    float log2 = (float) Math.log(2);
    assertThat(out).containsExactly(
        0, 0, 0, 0, 0,
        M, M, log2, M, log2,
        M, 0, 0, 0, 0);
  }

  @Test
  void usesOnlyTheNegativesTheLossAsksFor() {
    // The batch carries 2 negatives per cell; a loss of 1 negative reads the first.
    TrainingBatch b = new TrainingBatch(1, 1, new int[] {1}, new int[] {3}, new int[] {2, 1}, 2);

    assertThat(SampledSoftmaxGraph.logMultiplicity(b, 1, 4)).containsExactly(M, M, 0, 0);
  }

  @Test
  void scoresEveryItemWhenThatIsNoLargerThanTheCandidatesRows() {
    assertThat(SampledSoftmaxGraph.scoresEveryItem(3416, 50, 256)).as("ML-1M, SASRec's sampled softmax").isTrue();
    assertThat(SampledSoftmaxGraph.scoresEveryItem(100_000, 50, 256)).as("a large catalogue").isFalse();
    // Dl4jParityTest's cases (23 items, size 8) take the formulation their names say.
    assertThat(SampledSoftmaxGraph.scoresEveryItem(23, 8, 4)).isTrue();
    assertThat(SampledSoftmaxGraph.scoresEveryItem(23, 8, 6)).isTrue();
    assertThat(SampledSoftmaxGraph.scoresEveryItem(23, 8, 1)).isFalse();
  }
}
