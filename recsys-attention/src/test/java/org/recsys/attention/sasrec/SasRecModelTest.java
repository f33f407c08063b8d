package org.recsys.attention.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ModelFactory;
import org.recsys.api.TrainedModel;
import org.recsys.api.TrainingContext;
import org.recsys.api.VocabularyFile;
import org.recsys.attention.testing.ModelChecks;
import org.recsys.attention.testing.RankEvaluator;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/** The trained model: SPI behaviour, save/load, wiring. */
class SasRecModelTest {
  private static DataSplit split;
  private static SasRecModel model;

  @BeforeAll
  static void train() {
    split = new LeaveOneOutSplitter().split(SyntheticGenerator.generate(SyntheticConfig.tiny()));
    SasRecParams p = SasRecParams.builder().maxLen(16).hiddenSize(16).blocks(2).heads(2).epochs(3).validateEvery(1)
        .threads(1).build();
    model = (SasRecModel) new SasRecFactory().trainer(p).train(split.trainingData(),
        TrainingContext.ofSeed(3).withValidator(new RankEvaluator()));
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void scoresEveryItemWithPaddingAtMinusInfinityAndCandidatesConsistently() {
    ModelChecks.assertScoresEveryItemConsistently(model);
  }

  @Test
  void recommendsTheBestUnseenItemsInOrder() {
    ModelChecks.assertRecommendsTheBestUnseenItemsInOrder(model);
  }

  @Test
  void aSavedModelLoadsBackAndScoresIdentically(@TempDir Path dir) throws IOException {
    model.save(dir);
    assertThat(dir.resolve(SasRecModel.WEIGHTS)).exists();
    assertThat(dir.resolve(SasRecModel.PARAMS)).exists();
    assertThat(dir.resolve(VocabularyFile.FILE_NAME)).exists();
    assertThat(Files.readString(dir.resolve(SasRecModel.MODEL))).contains("\"type\" : \"sasrec\"", "\"seed\" : 3",
        "bestEpoch", "\"nd4jVersion\" : \"1.0.0-M2.1\"", "\"recsysVersion\" : \"0.1.0-SNAPSHOT\"");
    List<int[]> histories = List.of(new int[] {1, 2, 3}, new int[0], split.test().get(0).history());
    try (SasRecModel loaded = (SasRecModel) new SasRecFactory().load(dir)) {
      assertThat(loaded.type()).isEqualTo("sasrec");
      assertThat(loaded.vocabulary()).isEqualTo(model.vocabulary());
      assertThat(loaded.params()).isEqualTo(model.params());
      assertThat(loaded.scoreAll(histories)).isDeepEqualTo(model.scoreAll(histories));
      assertThat(loaded.provenance()).containsEntry("seed", 3);
    }
  }

  @Test
  void aModelWithPositionsFromTheStartLoadsBackWithThem(@TempDir Path dir) throws IOException {
    SasRecParams p = SasRecParams.builder().maxLen(16).hiddenSize(16).blocks(1).heads(2).epochs(1)
        .positions("start").init("normal").threads(1).build();
    List<int[]> histories = List.of(new int[] {1, 2, 3}, split.test().get(0).history());
    try (SasRecModel start = (SasRecModel) new SasRecFactory().trainer(p).train(split.trainingData(),
        TrainingContext.ofSeed(3))) {
      start.save(dir);
      try (SasRecModel loaded = (SasRecModel) new SasRecFactory().load(dir)) {
        assertThat(loaded.params().positionOrigin()).isEqualTo(PositionOrigin.START);
        assertThat(loaded.scoreAll(histories)).isDeepEqualTo(start.scoreAll(histories));
      }
    }
  }

  @Test
  void aGbceModelLoadsBackWithItsScoreBias(@TempDir Path dir) throws IOException {
    SasRecParams p = SasRecParams.builder().maxLen(16).hiddenSize(16).blocks(1).heads(2).epochs(1).loss("gbce")
        .negatives(8).threads(1).build();
    List<int[]> histories = List.of(new int[] {1, 2, 3}, split.test().get(0).history());
    try (SasRecModel gbce = (SasRecModel) new SasRecFactory().trainer(p).train(split.trainingData(),
        TrainingContext.ofSeed(3))) {
      gbce.save(dir);
      try (SasRecModel loaded = (SasRecModel) new SasRecFactory().load(dir)) {
        assertThat(loaded.params().scoreBias()).isTrue();
        assertThat(loaded.scoreAll(histories)).isDeepEqualTo(gbce.scoreAll(histories));
      }
    }
  }

  @Test
  void loadingABrokenDirectoryNamesTheFile(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> SasRecModel.load(dir)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(SasRecModel.MODEL);
    model.save(dir);
    Files.writeString(dir.resolve(SasRecModel.MODEL), "{\"type\":\"lstm\",\"format\":1}");
    assertThatThrownBy(() -> SasRecModel.load(dir)).hasMessageContaining("model type is 'lstm'");
    model.save(dir);
    Files.delete(dir.resolve(SasRecModel.WEIGHTS));
    assertThatThrownBy(() -> SasRecModel.load(dir)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(SasRecModel.WEIGHTS);
    model.save(dir);
    Files.writeString(dir.resolve(SasRecModel.PARAMS), Files.readString(dir.resolve(SasRecModel.PARAMS))
        .replace("\"hiddenSize\" : 16", "\"hiddenSize\" : 32"));
    assertThatThrownBy(() -> SasRecModel.load(dir)).hasMessageContaining(SasRecModel.WEIGHTS)
        .hasMessageContaining("item_embedding");
  }

  @Test
  void theSameSeedTrainsTheSameModelAndAnotherSeedDoesNot() {
    SasRecParams p = SasRecParams.builder().maxLen(12).hiddenSize(8).blocks(1).heads(1).epochs(2).threads(2)
        .build();
    List<int[]> histories = List.of(split.test().get(0).history(), split.test().get(1).history());
    float[][][] scores = new float[3][][];
    long[] seeds = {5, 5, 6};
    for (int i = 0; i < 3; i++) {
      try (SasRecModel m = (SasRecModel) new SasRecFactory().trainer(p).train(split.trainingData(),
          TrainingContext.ofSeed(seeds[i]))) {
        scores[i] = m.scoreAll(histories);
      }
    }
    assertThat(scores[1]).isDeepEqualTo(scores[0]);
    assertThat(scores[2][0]).isNotEqualTo(scores[0][0]);
  }
}
