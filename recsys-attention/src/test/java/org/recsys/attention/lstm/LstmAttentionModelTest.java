package org.recsys.attention.lstm;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ModelFactory;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingListener;
import org.recsys.api.TrainingStoppedException;
import org.recsys.api.VocabularyFile;
import org.recsys.attention.nn.DenseStates;
import org.recsys.attention.testing.ModelChecks;
import org.recsys.attention.testing.RankEvaluator;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/** The trained model: SPI behaviour, save/load, wiring. */
class LstmAttentionModelTest {
  private static DataSplit split;
  private static LstmAttentionModel model;

  @BeforeAll
  static void train() {
    split = new LeaveOneOutSplitter().split(SyntheticGenerator.generate(SyntheticConfig.tiny()));
    LstmAttentionParams p = LstmAttentionParams.builder().maxLen(16).embeddingSize(16).hiddenSize(16)
        .attentionSize(8).output("dense").epochs(3).validateEvery(1).threads(1).build();
    model = (LstmAttentionModel) new LstmAttentionFactory().trainer(p).train(split.trainingData(),
        TrainingContext.ofSeed(3).withValidator(new RankEvaluator()));
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void scoresEveryItemWithPaddingAtMinusInfinityAndCandidatesConsistently() {
    DenseStates states = ModelChecks.assertScoresEveryItemConsistently(model);
    assertThat(states.dim()).as("dense output: the state carries the bias's constant 1").isEqualTo(17);
  }

  @Test
  void recommendsTheBestUnseenItemsInOrder() {
    ModelChecks.assertRecommendsTheBestUnseenItemsInOrder(model);
  }

  @Test
  void aSavedModelLoadsBackAndScoresIdentically(@TempDir Path dir) throws IOException {
    model.save(dir);
    assertThat(dir.resolve(LstmAttentionModel.WEIGHTS)).exists();
    assertThat(dir.resolve(LstmAttentionModel.PARAMS)).exists();
    assertThat(dir.resolve(VocabularyFile.FILE_NAME)).exists();
    assertThat(Files.readString(dir.resolve(LstmAttentionModel.MODEL)))
        .contains("\"type\" : \"lstm-attention\"", "\"seed\" : 3", "bestEpoch");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).as("no temporary files left behind")
          .noneMatch(f -> f.endsWith(".tmp"));
    }
    List<int[]> histories = List.of(new int[] {1, 2, 3}, new int[0], split.test().get(0).history());
    try (LstmAttentionModel loaded = (LstmAttentionModel) new LstmAttentionFactory().load(dir)) {
      assertThat(loaded.type()).isEqualTo("lstm-attention");
      assertThat(loaded.vocabulary()).isEqualTo(model.vocabulary());
      assertThat(loaded.params()).isEqualTo(model.params());
      assertThat(loaded.scoreAll(histories)).isDeepEqualTo(model.scoreAll(histories));
      assertThat(loaded.provenance()).containsEntry("seed", 3).containsEntry("nd4jVersion", "1.0.0-M2.1")
          .containsKey("recsysVersion");
    }
  }

  @Test
  void loadingABrokenDirectoryNamesTheFile(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> LstmAttentionModel.load(dir)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(LstmAttentionModel.MODEL);
    model.save(dir);
    Files.writeString(dir.resolve(LstmAttentionModel.MODEL), "{\"type\":\"sasrec\",\"format\":1}");
    assertThatThrownBy(() -> LstmAttentionModel.load(dir)).hasMessageContaining("model type is 'sasrec'");
    model.save(dir);
    Files.delete(dir.resolve(LstmAttentionModel.WEIGHTS));
    assertThatThrownBy(() -> LstmAttentionModel.load(dir)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(LstmAttentionModel.WEIGHTS);
    model.save(dir);
    Files.writeString(dir.resolve(LstmAttentionModel.PARAMS), Files.readString(dir.resolve(LstmAttentionModel.PARAMS))
        .replace("\"hiddenSize\" : 16", "\"hiddenSize\" : 32"));
    assertThatThrownBy(() -> LstmAttentionModel.load(dir)).hasMessageContaining(LstmAttentionModel.WEIGHTS)
        .hasMessageContaining("lstm0.wx");
    model.save(dir);
    Files.writeString(dir.resolve(LstmAttentionModel.PARAMS), "{\"layers\": 0}");
    assertThatThrownBy(() -> LstmAttentionModel.load(dir)).hasMessageContaining(LstmAttentionModel.PARAMS)
        .hasMessageContaining("layers must be > 0");
  }

  @Test
  void theSameSeedTrainsTheSameModelAndAnotherSeedDoesNot() {
    LstmAttentionParams p = LstmAttentionParams.builder().maxLen(12).embeddingSize(8).hiddenSize(8)
        .attentionSize(4).loss("bce").epochs(2).threads(2).build();
    List<int[]> histories = List.of(split.test().get(0).history(), split.test().get(1).history());
    float[][][] scores = new float[3][][];
    long[] seeds = {5, 5, 6};
    for (int i = 0; i < 3; i++) {
      try (LstmAttentionModel m = (LstmAttentionModel) new LstmAttentionFactory().trainer(p).train(
          split.trainingData(), TrainingContext.ofSeed(seeds[i]))) {
        scores[i] = m.scoreAll(histories);
      }
    }
    assertThat(scores[1]).isDeepEqualTo(scores[0]);
    assertThat(scores[2][0]).isNotEqualTo(scores[0][0]);
  }

  @Test
  void aRunStoppedMidEpochResumesFromItsCheckpointToTheSameModel(@TempDir Path dir) {
    LstmAttentionParams p = LstmAttentionParams.builder().maxLen(12).embeddingSize(8).hiddenSize(8)
        .attentionSize(4).layers(2).dropout(0.2).batchSize(64).epochs(2).threads(1).build();
    List<int[]> histories = List.of(split.test().get(0).history(), split.test().get(1).history());
    float[][] uninterrupted;
    try (LstmAttentionModel m = (LstmAttentionModel) new LstmAttentionFactory().trainer(p).train(
        split.trainingData(), TrainingContext.ofSeed(4))) {
      uninterrupted = m.scoreAll(histories);
    }
    TrainingListener stopAfterThreeSteps = new TrainingListener() {
      private int steps;

      @Override
      public void onStep(int epoch, int step, double loss) {
        steps++;
      }

      @Override
      public boolean stopRequested() {
        return steps >= 3;
      }
    };
    assertThatThrownBy(() -> new LstmAttentionFactory().trainer(p).train(split.trainingData(),
        new TrainingContext(4, null, dir, false, stopAfterThreeSteps))).isInstanceOf(TrainingStoppedException.class);
    try (LstmAttentionModel m = (LstmAttentionModel) new LstmAttentionFactory().trainer(p).train(
        split.trainingData(), new TrainingContext(4, null, dir, true, TrainingListener.NONE))) {
      assertThat(m.scoreAll(histories)).isDeepEqualTo(uninterrupted);
    }
  }
}
