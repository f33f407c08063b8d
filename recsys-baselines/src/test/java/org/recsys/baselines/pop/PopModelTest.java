package org.recsys.baselines.pop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ChecksumList;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.ScoredItem;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;
import org.recsys.baselines.HandData;
import org.recsys.store.ModelManifest;

class PopModelTest {
  private final PopModel model = PopModel.train(HandData.train());

  @Test
  void everyHistoryGetsTheTrainingCounts() {
    float[][] rows = model.scoreAll(List.of(new int[0], new int[] {1, 2}));
    float[] expected = {Float.NEGATIVE_INFINITY, 2, 3, 2, 1};
    assertThat(rows[0]).containsExactly(expected);
    assertThat(rows[1]).containsExactly(expected);
  }

  @Test
  void recommendsTheMostPopularUnseenItemsWithTiesTowardsSmallerIds() {
    List<ScoredItem> top = model.recommend(new int[] {2}, 2);
    assertThat(top).containsExactly(new ScoredItem(1, 2f), new ScoredItem(3, 2f));
  }

  @Test
  void candidateScoresAreTheFullRowsEntries() {
    float[][] c = model.scoreCandidates(List.of(new int[] {1}, new int[0]), new int[][] {{4, 2}, {3}});
    assertThat(c[0]).containsExactly(1f, 3f);
    assertThat(c[1]).containsExactly(2f);
  }

  @Test
  void savedModelLoadsWithIdenticalScores(@TempDir Path dir) throws IOException {
    model.save(dir);
    assertThat(dir.resolve(ModelManifest.FILE_NAME)).exists();
    PopModel loaded = PopModel.load(dir);
    assertThat(loaded.vocabulary()).isEqualTo(model.vocabulary());
    List<int[]> histories = List.of(new int[0], new int[] {3});
    assertThat(loaded.scoreAll(histories)).isDeepEqualTo(model.scoreAll(histories));
    assertThat(loaded.counts()).isEqualTo(model.counts());
  }

  @Test
  void outOfRangeIdsFailNamingThePosition() {
    assertThatThrownBy(() -> model.scoreAll(List.of(new int[] {1}, new int[] {2, 5})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("history 1").hasMessageContaining("item id 5 at position 1");
    assertThatThrownBy(() -> model.scoreCandidates(List.of(new int[0]), new int[][] {{0}}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("candidates of user 0");
  }

  @Test
  void emptyTrainingDataIsRejected() {
    SequenceDataset empty = new SequenceDataset(ItemVocabulary.of(List.of("a")), List.of(UserSequence.of("u")));
    assertThatThrownBy(() -> PopModel.train(empty)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no interaction");
  }

  @Test
  void truncatedCountsFileFailsNamingIt(@TempDir Path dir) throws IOException {
    model.save(dir);
    Path counts = dir.resolve(PopModel.COUNTS_FILE);
    byte[] bytes = Files.readAllBytes(counts);
    Files.write(counts, java.util.Arrays.copyOf(bytes, bytes.length - 3));
    ChecksumList.write(dir); // a consistent seal over a cut file: the reader's own checks must catch it
    assertThatThrownBy(() -> PopModel.load(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(counts.toString()).hasMessageContaining("truncated");
  }

  @Test
  void aDirectoryOfAnotherTypeIsRefused(@TempDir Path dir) throws IOException {
    org.recsys.baselines.markov.MarkovModel.train(HandData.train(),
        org.recsys.baselines.markov.MarkovParams.defaults()).save(dir);
    assertThatThrownBy(() -> PopModel.load(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining("type 'markov', expected 'pop'");
  }
}
