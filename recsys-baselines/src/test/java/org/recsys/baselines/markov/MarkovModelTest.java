package org.recsys.baselines.markov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ChecksumList;
import org.recsys.api.EvalCase;
import org.recsys.baselines.HandData;
import org.recsys.baselines.IntArraysFile;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

class MarkovModelTest {
  @Test
  void countsTransitionsInSparseRows() {
    TransitionCounts t = TransitionCounts.of(HandData.train());
    assertThat(t.count(1, 2)).isEqualTo(2);
    assertThat(t.count(2, 3)).isEqualTo(2);
    assertThat(t.count(2, 4)).isEqualTo(1);
    assertThat(t.count(3, 1)).isZero();
    assertThat(t.rowTotal(2)).isEqualTo(3);
    assertThat(t.rowTotal(4)).isZero();
    assertThat(t.distinctTransitions()).isEqualTo(3);
    assertThat(t.rowStarts()).containsExactly(0, 0, 1, 3, 3, 3);
    assertThat(t.successors()).containsExactly(2, 3, 4);
    assertThat(t.counts()).containsExactly(2, 2, 1);
  }

  @Test
  void unsmoothedScoresAreTransitionProbabilities() {
    MarkovModel m = MarkovModel.train(HandData.train(), new MarkovParams(0.0, 0.0));
    float[][] rows = m.scoreAll(List.of(new int[] {1}, new int[] {3, 2}));
    assertThat(rows[0]).containsExactly(Float.NEGATIVE_INFINITY, 0f, 1f, 0f, 0f);
    assertThat(rows[1]).containsExactly(Float.NEGATIVE_INFINITY, 0f, 0f, 2f / 3, 1f / 3);
  }

  @Test
  void backsOffToPopularityWithoutHistoryOrSuccessors() {
    MarkovModel m = MarkovModel.train(HandData.train(), new MarkovParams(1.0, 0.5));
    float[] pop = {Float.NEGATIVE_INFINITY, 2f / 8, 3f / 8, 2f / 8, 1f / 8};
    float[][] rows = m.scoreAll(List.of(new int[0], new int[] {1, 4}));
    assertThat(rows[0]).containsExactly(pop);
    assertThat(rows[1]).containsExactly(pop);
  }

  @Test
  void smoothingAndInterpolationMatchTheHandComputedValues() {
    // Last item 2: c(2) = 3, n = 4, smoothing 1 -> denominator 7; popularity weight 0.5.
    MarkovModel m = MarkovModel.train(HandData.train(), new MarkovParams(1.0, 0.5));
    float[] row = m.scoreAll(List.of(new int[] {2}))[0];
    assertThat(row[1]).isCloseTo((float) (0.5 * 1 / 7 + 0.5 * 2 / 8), within(1e-7f));
    assertThat(row[2]).isCloseTo((float) (0.5 * 1 / 7 + 0.5 * 3 / 8), within(1e-7f));
    assertThat(row[3]).isCloseTo((float) (0.5 * 3 / 7 + 0.5 * 2 / 8), within(1e-7f));
    assertThat(row[4]).isCloseTo((float) (0.5 * 2 / 7 + 0.5 * 1 / 8), within(1e-7f));
    double sum = 0;
    for (int j = 1; j <= 4; j++) {
      sum += row[j];
    }
    assertThat(sum).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void candidateScoresEqualTheFullRowsAndSaveLoadKeepsThem(@TempDir Path dir) throws IOException {
    DataSplit split = new LeaveOneOutSplitter().split(SyntheticGenerator.generate(SyntheticConfig.tiny()));
    MarkovModel m = MarkovModel.train(split.train(), new MarkovParams(0.5, 0.2));
    List<int[]> histories = new ArrayList<>();
    for (EvalCase c : split.test()) {
      histories.add(c.history());
    }
    histories.add(new int[0]);
    int n = m.numItems();
    SplittableRandom r = new SplittableRandom(3);
    int[][] cand = new int[histories.size()][];
    for (int u = 0; u < cand.length; u++) {
      cand[u] = r.ints(20, 1, n + 1).toArray();
    }
    float[][] full = m.scoreAll(histories);
    float[][] picked = m.scoreCandidates(histories, cand);
    for (int u = 0; u < cand.length; u++) {
      for (int j = 0; j < cand[u].length; j++) {
        assertThat(picked[u][j]).isEqualTo(full[u][cand[u][j]]);
      }
    }
    m.save(dir);
    MarkovModel loaded = MarkovModel.load(dir);
    assertThat(loaded.params()).isEqualTo(m.params());
    assertThat(loaded.scoreAll(histories)).isDeepEqualTo(full);
    assertThat(loaded.scoreCandidates(histories, cand)).isDeepEqualTo(picked);
  }

  @Test
  void inconsistentSavedRowsFailNamingTheFile(@TempDir Path dir) throws IOException {
    MarkovModel.train(HandData.train(), MarkovParams.defaults()).save(dir);
    Path file = dir.resolve(MarkovModel.COUNTS_FILE);
    Map<String, int[]> arrays = new LinkedHashMap<>();
    arrays.put("itemCounts", new int[] {0, 2, 3, 2, 1});
    arrays.put("rowStart", new int[] {0, 0, 1, 3, 3, 3});
    arrays.put("successor", new int[] {2, 4, 3}); // not increasing within item 2's row
    arrays.put("count", new int[] {2, 1, 2});
    IntArraysFile.write(file, arrays);
    ChecksumList.write(dir); // a consistent seal over a wrong file: the reader's own checks must catch it
    assertThatThrownBy(() -> MarkovModel.load(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("successors of item 2");
  }
}
