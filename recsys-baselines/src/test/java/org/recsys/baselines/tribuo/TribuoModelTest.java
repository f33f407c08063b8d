package org.recsys.baselines.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.EvalCase;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.ScoredItem;
import org.recsys.api.SequenceDataset;
import org.recsys.api.TrainingContext;
import org.recsys.api.UserSequence;
import org.recsys.baselines.HandData;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;
import org.tribuo.Example;
import org.tribuo.classification.Label;

class TribuoModelTest {
  private static DataSplit split;
  private static TribuoModel model;
  private static List<int[]> histories;

  @BeforeAll
  static void train() {
    split = new LeaveOneOutSplitter().split(SyntheticGenerator.generate(SyntheticConfig.tiny()));
    model = TribuoModel.train(split.train(), TribuoParams.defaults(), TrainingContext.ofSeed(5));
    histories = new ArrayList<>();
    for (EvalCase c : split.test()) {
      histories.add(c.history());
    }
    histories.add(new int[0]);
  }

  @Test
  void savedModelLoadsWithIdenticalScoresAndProvenance(@TempDir Path dir) throws IOException {
    model.save(dir);
    assertThat(dir.resolve(TribuoModel.MODEL_FILE)).exists();
    assertThat(dir.resolve(TribuoModel.PROVENANCE_FILE)).content().contains("LinearSGDTrainer");
    TribuoModel loaded = TribuoModel.load(dir);
    assertThat(loaded.params()).isEqualTo(model.params());
    assertThat(loaded.scoreAll(histories)).isDeepEqualTo(model.scoreAll(histories));
    int[][] cand = candidates(histories.size(), 11);
    assertThat(loaded.scoreCandidates(histories, cand)).isDeepEqualTo(model.scoreCandidates(histories, cand));
    assertThat(loaded.tribuoProvenance()).isEqualTo(model.tribuoProvenance());
    assertThat(loaded.info()).isEqualTo(model.info());
  }

  @Test
  void tribuoProvenanceCarriesOurParamsAndSeed() {
    String provenance = model.tribuoProvenance().toString();
    assertThat(provenance).contains("recsys.params").contains("\"trainer\":\"logistic\"")
        .contains("recsys.seed").contains("LogMulticlass").contains("SimpleSGD");
    assertThat(model.info()).containsEntry("seed", "5").containsKey("tribuoVersion");
  }

  @Test
  void fastLinearScoresEqualTribuosPredictionApi() {
    TribuoScorer generic = new TribuoScorer(model.tribuoModel(), model.numItems(), false);
    TribuoFeatureEncoder encoder = new TribuoFeatureEncoder(model.params().features(), model.numItems());
    List<Example<Label>> states = encoder.encode(histories);
    float[][] viaPredict = generic.scoreAll(states);
    float[][] fast = model.scoreAll(histories);
    for (int u = 0; u < fast.length; u++) {
      for (int j = 1; j < fast[u].length; j++) {
        assertThat(fast[u][j]).as("user %d item %d", u, j).isCloseTo(viaPredict[u][j], within(1e-4f));
      }
    }
  }

  @Test
  void scoresAreLogProbabilitiesOverTheSeenLabels() {
    float[] row = model.scoreAll(List.of(histories.get(0)))[0];
    double sum = 0;
    for (int j = 1; j < row.length; j++) {
      if (row[j] != TribuoScorer.UNSEEN_LABEL_SCORE) {
        sum += Math.exp(row[j]);
      }
    }
    assertThat(sum).isCloseTo(1.0, within(1e-4));
    assertThat(row[0]).isEqualTo(Float.NEGATIVE_INFINITY);
  }

  @Test
  void sameSeedGivesIdenticalScores() {
    TribuoModel again = TribuoModel.train(split.train(), TribuoParams.defaults(), TrainingContext.ofSeed(5));
    assertThat(again.scoreAll(histories)).isDeepEqualTo(model.scoreAll(histories));
  }

  @Test
  void itemsNeverSeenAsLabelsRankBelowEverySeenLabel() {
    // Items 1 and 5 only ever start a sequence, so Tribuo never sees them as labels; 6 never occurs.
    SequenceDataset train = new SequenceDataset(ItemVocabulary.of(List.of("1", "2", "3", "4", "5", "6")), List.of(
        UserSequence.of("a", 1, 2, 3, 4), UserSequence.of("b", 5, 3, 4, 2), UserSequence.of("c", 1, 4, 2, 3)));
    TribuoModel m = TribuoModel.train(train, TribuoParams.defaults(), TrainingContext.ofSeed(1));
    assertThat(m.numLabels()).isEqualTo(3);
    float[] row = m.scoreAll(List.of(new int[] {2}))[0];
    assertThat(row[1]).isEqualTo(TribuoScorer.UNSEEN_LABEL_SCORE);
    assertThat(row[5]).isEqualTo(TribuoScorer.UNSEEN_LABEL_SCORE);
    assertThat(row[6]).isEqualTo(TribuoScorer.UNSEEN_LABEL_SCORE);
    for (int seen : new int[] {2, 3, 4}) {
      assertThat(row[seen]).isGreaterThan(TribuoScorer.SEEN_LABEL_FLOOR);
    }
    List<Integer> ranked = m.recommend(new int[] {2}, 6, new int[0]).stream().map(ScoredItem::item).toList();
    assertThat(ranked.subList(0, 3)).containsExactlyInAnyOrder(2, 3, 4);
    assertThat(ranked.subList(3, 6)).containsExactly(1, 5, 6);
  }

  @Test
  void historiesWithoutKnownFeaturesGetTheTrainingLabelFrequencies() {
    TribuoModel m = TribuoModel.train(HandData.train(), TribuoParams.defaults(), TrainingContext.ofSeed(1));
    // Labels (every position >= 1): 2, 3, 2, 4, 3 -> 2 and 3 twice, 4 once; item 1 is never a label.
    float[] empty = m.scoreAll(List.of(new int[0]))[0];
    assertThat(empty[2]).isCloseTo((float) Math.log(2 / 5.0), within(1e-6f));
    assertThat(empty[3]).isCloseTo((float) Math.log(2 / 5.0), within(1e-6f));
    assertThat(empty[4]).isCloseTo((float) Math.log(1 / 5.0), within(1e-6f));
    assertThat(empty[1]).isEqualTo(TribuoScorer.UNSEEN_LABEL_SCORE);
    // Item 4 always ends a sequence, so no training history holds it: [4] has no known feature either.
    assertThat(m.scoreAll(List.of(new int[] {4}))[0]).containsExactly(empty);
  }

  @Test
  void factorisationMachineTrainsSavesAndLoads(@TempDir Path dir) throws IOException {
    TribuoParams fm = new TribuoParams("fm", null, 0.1, null, 2, null, 2, 5, null, 10, null, 4);
    TribuoModel m = TribuoModel.train(split.train(), fm, TrainingContext.ofSeed(2));
    assertThat(m.tribuoModel().getClass().getSimpleName()).isEqualTo("FMClassificationModel");
    List<int[]> some = histories.subList(0, 20);
    float[][] rows = m.scoreAll(some);
    for (float[] row : rows) {
      for (int j = 1; j < row.length; j++) {
        assertThat(row[j]).isFinite();
      }
    }
    m.save(dir);
    assertThat(TribuoModel.load(dir).scoreAll(some)).isDeepEqualTo(rows);
  }

  @Test
  void aCorruptTribuoFileFailsNamingIt(@TempDir Path dir) throws IOException {
    model.save(dir);
    Path file = dir.resolve(TribuoModel.MODEL_FILE);
    java.nio.file.Files.write(file, new byte[] {1, 2, 3, 4, 5});
    assertThatThrownBy(() -> TribuoModel.load(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void outOfRangeHistoryFailsNamingThePosition() {
    assertThatThrownBy(() -> model.scoreAll(List.of(new int[] {1, model.numItems() + 1})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("history 0")
        .hasMessageContaining("at position 1");
  }

  private static int[][] candidates(int users, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[][] c = new int[users][];
    for (int u = 0; u < users; u++) {
      c[u] = r.ints(15, 1, model.numItems() + 1).toArray();
    }
    return c;
  }
}
