package org.recsys.attention.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingListener;
import org.recsys.api.TrainingStoppedException;
import org.recsys.api.ChecksumList;
import org.recsys.api.VocabularyFile;
import org.recsys.store.ModelManifest;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.nn.DenseStates;
import org.recsys.attention.preset.LstmAttentionPreset;
import org.recsys.attention.testing.ModelChecks;
import org.recsys.attention.testing.RankEvaluator;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/** An LSTM-attention model trained through the preset: SPI behaviour, save/load, resume, determinism. */
class LstmAttentionModelTest {
  private static DataSplit split;
  private static ComposedModel model;

  @BeforeAll
  static void train() {
    split = new LeaveOneOutSplitter().split(SyntheticGenerator.generate(SyntheticConfig.tiny()));
    // The LSTM state size (12) differs from the embedding size (16), so that the spec's file names each.
    LstmAttentionPreset.Params p = LstmAttentionNetworks.params("maxLen", 16, "embeddingSize", 16, "hiddenSize", 12,
        "attentionSize", 8, "output", "dense", "epochs", 3, "validateEvery", 1, "threads", 1);
    model = train(p, TrainingContext.ofSeed(3).withValidator(new RankEvaluator()));
  }

  private static ComposedModel train(LstmAttentionPreset.Params p, TrainingContext context) {
    return (ComposedModel) LstmAttentionNetworks.preset().trainer(p).train(split.trainingData(), context);
  }

  private static ComposedModel load(Path dir) throws IOException {
    return (ComposedModel) LstmAttentionNetworks.preset().load(dir);
  }

  @Test
  void isASequentialModelNamedLstmAttention() {
    assertThat(model.type()).isEqualTo(ComposedModel.TYPE);
    assertThat(model.name()).isEqualTo("lstm-attention");
    assertThat(model.spec().encoder().expandedBlocks()).extracting(b -> b.path("type").asText())
        .containsExactly("lstm", "attention-pooling");
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void scoresEveryItemWithPaddingAtMinusInfinityAndCandidatesConsistently() {
    DenseStates states = ModelChecks.assertScoresEveryItemConsistently(model);
    // The old dense output scored a state with an appended constant 1 against an [n + 1, d + 1] table; the
    // composed head keeps the state at the embedding size and adds each item's own bias.
    assertThat(states.dim()).as("dense output: the state is the embedding size").isEqualTo(16);
    assertThat(model.weights().names()).contains("head.items", "head.bias");
  }

  @Test
  void recommendsTheBestUnseenItemsInOrder() {
    ModelChecks.assertRecommendsTheBestUnseenItemsInOrder(model);
  }

  @Test
  void aSavedModelLoadsBackAndScoresIdentically(@TempDir Path dir) throws IOException {
    model.save(dir);
    assertThat(dir.resolve(ComposedModel.WEIGHTS)).exists();
    assertThat(dir.resolve(ChecksumList.FILE_NAME)).exists();
    assertThat(dir.resolve(VocabularyFile.FILE_NAME)).exists();
    assertThat(Files.readString(dir.resolve(ModelManifest.FILE_NAME))).contains("\"type\" : \"sequential\"",
        "\"name\" : \"lstm-attention\"", "\"seed\" : 3", "bestEpoch");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).as("no temporary files left behind")
          .noneMatch(f -> f.endsWith(".tmp"));
    }
    List<int[]> histories = List.of(new int[] {1, 2, 3}, new int[0], split.test().get(0).history());
    try (ComposedModel loaded = load(dir)) {
      assertThat(loaded.type()).isEqualTo(ComposedModel.TYPE);
      assertThat(loaded.name()).isEqualTo("lstm-attention");
      assertThat(loaded.vocabulary()).isEqualTo(model.vocabulary());
      assertThat(loaded.spec()).isEqualTo(model.spec());
      assertThat(loaded.scoreAll(histories)).isDeepEqualTo(model.scoreAll(histories));
      assertThat(loaded.provenance()).containsEntry("seed", 3).containsEntry("nd4jVersion", "1.0.0-M2.1");
    }
    // The sequential factory loads it too: a saved model does not depend on the preset.
    try (ComposedModel loaded = (ComposedModel) LstmAttentionNetworks.factory().load(dir)) {
      assertThat(loaded.scoreAll(histories)).isDeepEqualTo(model.scoreAll(histories));
    }
  }

  @Test
  void loadingABrokenDirectoryNamesTheFile(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> load(dir)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(dir.toString()).hasMessageContaining(ModelManifest.FILE_NAME);
    model.save(dir);
    Path manifest = dir.resolve(ModelManifest.FILE_NAME);
    String json = Files.readString(manifest);
    Files.writeString(manifest, json.replace("\"type\" : \"sequential\"", "\"type\" : \"sasrec\""));
    assertThatThrownBy(() -> load(dir)).hasMessageContaining(manifest.toString()).hasMessageContaining("checksum");
    ChecksumList.write(dir);
    assertThatThrownBy(() -> load(dir)).hasMessageContaining("has type 'sasrec', expected 'sequential'");
    model.save(dir);
    Files.delete(dir.resolve(ComposedModel.WEIGHTS));
    assertThatThrownBy(() -> load(dir)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(ComposedModel.WEIGHTS);
    model.save(dir);
    String spec = Files.readString(manifest);
    assertThat(spec).containsOnlyOnce("\"hiddenSize\" : 12");
    Files.writeString(manifest, spec.replace("\"hiddenSize\" : 12", "\"hiddenSize\" : 24"));
    ChecksumList.write(dir);
    assertThatThrownBy(() -> load(dir)).hasMessageContaining(ComposedModel.WEIGHTS)
        .hasMessageContaining("encoder.block0.wx");
    model.save(dir);
    Files.writeString(manifest, spec.replace("\"hiddenSize\" : 12", "\"hiddenSize\" : 0"));
    ChecksumList.write(dir);
    assertThatThrownBy(() -> load(dir)).hasMessageContaining(manifest.toString())
        .hasMessageContaining("hiddenSize");
  }

  @Test
  void theSameSeedTrainsTheSameModelAndAnotherSeedDoesNot() {
    LstmAttentionPreset.Params p = LstmAttentionNetworks.params("maxLen", 12, "embeddingSize", 8, "hiddenSize", 8,
        "attentionSize", 4, "loss", "bce", "epochs", 2, "threads", 2);
    List<int[]> histories = List.of(split.test().get(0).history(), split.test().get(1).history());
    float[][][] scores = new float[3][][];
    long[] seeds = {5, 5, 6};
    for (int i = 0; i < 3; i++) {
      try (ComposedModel m = train(p, TrainingContext.ofSeed(seeds[i]))) {
        scores[i] = m.scoreAll(histories);
      }
    }
    assertThat(scores[1]).isDeepEqualTo(scores[0]);
    assertThat(scores[2][0]).isNotEqualTo(scores[0][0]);
  }

  @Test
  void aRunStoppedMidEpochResumesFromItsCheckpointToTheSameModel(@TempDir Path dir) {
    LstmAttentionPreset.Params p = LstmAttentionNetworks.params("maxLen", 12, "embeddingSize", 8, "hiddenSize", 8,
        "attentionSize", 4, "layers", 2, "dropout", 0.2, "batchSize", 64, "epochs", 2, "threads", 1);
    List<int[]> histories = List.of(split.test().get(0).history(), split.test().get(1).history());
    float[][] uninterrupted;
    try (ComposedModel m = train(p, TrainingContext.ofSeed(4))) {
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
    assertThatThrownBy(() -> train(p, new TrainingContext(4, null, dir, false, stopAfterThreeSteps)))
        .isInstanceOf(TrainingStoppedException.class);
    try (ComposedModel m = train(p, new TrainingContext(4, null, dir, true, TrainingListener.NONE))) {
      assertThat(m.scoreAll(histories)).isDeepEqualTo(uninterrupted);
    }
  }
}
