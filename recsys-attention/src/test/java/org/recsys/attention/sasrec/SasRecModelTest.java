package org.recsys.attention.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.TrainingContext;
import org.recsys.api.ChecksumList;
import org.recsys.api.VocabularyFile;
import org.recsys.store.ModelManifest;
import org.recsys.attention.layer.PositionOrigin;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.preset.SasRecPreset;
import org.recsys.attention.testing.ModelChecks;
import org.recsys.attention.testing.RankEvaluator;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/** A SASRec trained through the preset: SPI behaviour, save/load, determinism. */
class SasRecModelTest {
  private static DataSplit split;
  private static ComposedModel model;

  @BeforeAll
  static void train() {
    split = new LeaveOneOutSplitter().split(SyntheticGenerator.generate(SyntheticConfig.tiny()));
    SasRecPreset.Params p = SasRecNetworks.params("maxLen", 16, "hiddenSize", 16, "blocks", 2, "heads", 2,
        "epochs", 3, "validateEvery", 1, "threads", 1);
    model = train(p, 3, true);
  }

  private static ComposedModel train(SasRecPreset.Params p, long seed, boolean validate) {
    TrainingContext context = TrainingContext.ofSeed(seed);
    if (validate) {
      context = context.withValidator(new RankEvaluator());
    }
    return (ComposedModel) SasRecNetworks.preset().trainer(p).train(split.trainingData(), context);
  }

  private static ComposedModel load(Path dir) throws IOException {
    return (ComposedModel) SasRecNetworks.preset().load(dir);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void isASequentialModelNamedSasrec() {
    assertThat(model.type()).isEqualTo(ComposedModel.TYPE);
    assertThat(model.name()).isEqualTo("sasrec");
    assertThat(model.spec().encoder().expandedBlocks()).hasSize(2);
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
    assertThat(dir.resolve(ComposedModel.WEIGHTS)).exists();
    assertThat(dir.resolve(ChecksumList.FILE_NAME)).exists();
    assertThat(dir.resolve(VocabularyFile.FILE_NAME)).exists();
    assertThat(Files.readString(dir.resolve(ModelManifest.FILE_NAME))).contains("\"type\" : \"sequential\"",
        "\"name\" : \"sasrec\"", "\"seed\" : 3", "bestEpoch", "\"nd4jVersion\" : \"1.0.0-M2.1\"",
        "\"recsysVersion\" : \"0.1.0-SNAPSHOT\"", "\"backend\" : \"native\"", "\"manifest\" : 1");
    List<int[]> histories = List.of(new int[] {1, 2, 3}, new int[0], split.test().get(0).history());
    try (ComposedModel loaded = load(dir)) {
      assertThat(loaded.type()).isEqualTo("sequential");
      assertThat(loaded.name()).isEqualTo("sasrec");
      assertThat(loaded.vocabulary()).isEqualTo(model.vocabulary());
      assertThat(loaded.spec()).isEqualTo(model.spec());
      assertThat(loaded.scoreAll(histories)).isDeepEqualTo(model.scoreAll(histories));
      assertThat(loaded.provenance()).containsEntry("seed", 3);
    }
    // The sequential factory loads it too: a saved model does not depend on the preset.
    try (ComposedModel loaded = (ComposedModel) SasRecNetworks.factory().load(dir)) {
      assertThat(loaded.scoreAll(histories)).isDeepEqualTo(model.scoreAll(histories));
    }
  }

  @Test
  void aModelWithPositionsFromTheStartLoadsBackWithThem(@TempDir Path dir) throws IOException {
    SasRecPreset.Params p = SasRecNetworks.params("maxLen", 16, "hiddenSize", 16, "blocks", 1, "heads", 2,
        "epochs", 1, "positions", "start", "init", "normal", "threads", 1);
    List<int[]> histories = List.of(new int[] {1, 2, 3}, split.test().get(0).history());
    try (ComposedModel start = train(p, 3, false)) {
      start.save(dir);
      try (ComposedModel loaded = load(dir)) {
        assertThat(loaded.spec().encoder().embedding().origin()).isEqualTo(PositionOrigin.START);
        assertThat(loaded.architecture().encoder().embedding().origin()).isEqualTo(PositionOrigin.START);
        assertThat(loaded.spec().encoder().init()).isEqualTo("normal");
        assertThat(loaded.scoreAll(histories)).isDeepEqualTo(start.scoreAll(histories));
      }
    }
  }

  @Test
  void aGbceModelLoadsBackWithItsScoreBias(@TempDir Path dir) throws IOException {
    SasRecPreset.Params p = SasRecNetworks.params("maxLen", 16, "hiddenSize", 16, "blocks", 1, "heads", 2,
        "epochs", 1, "loss", "gbce", "negatives", 8, "threads", 1);
    List<int[]> histories = List.of(new int[] {1, 2, 3}, split.test().get(0).history());
    try (ComposedModel gbce = train(p, 3, false)) {
      gbce.save(dir);
      try (ComposedModel loaded = load(dir)) {
        assertThat(loaded.architecture().scoreBias()).isTrue();
        assertThat(loaded.weights().value(Architecture.SCORE_BIAS).get(0))
            .isEqualTo(gbce.weights().value(Architecture.SCORE_BIAS).get(0));
        assertThat(loaded.scoreAll(histories)).isDeepEqualTo(gbce.scoreAll(histories));
      }
    }
  }

  @Test
  void loadingABrokenDirectoryNamesTheFile(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> load(dir)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(dir.toString()).hasMessageContaining(ModelManifest.FILE_NAME);
    model.save(dir);
    Path manifest = dir.resolve(ModelManifest.FILE_NAME);
    String json = Files.readString(manifest);
    Files.writeString(manifest, json.replace("\"type\" : \"sequential\"", "\"type\" : \"lstm\""));
    assertThatThrownBy(() -> load(dir)).hasMessageContaining(manifest.toString()).hasMessageContaining("checksum");
    ChecksumList.write(dir);
    assertThatThrownBy(() -> load(dir)).hasMessageContaining("has type 'lstm', expected 'sequential'");
    model.save(dir);
    Files.delete(dir.resolve(ComposedModel.WEIGHTS));
    assertThatThrownBy(() -> load(dir)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(ComposedModel.WEIGHTS);
    model.save(dir);
    String spec = Files.readString(manifest);
    assertThat(spec).contains("\"hiddenSize\" : 16");
    Files.writeString(manifest, spec.replace("\"hiddenSize\" : 16", "\"hiddenSize\" : 32"));
    ChecksumList.write(dir);
    assertThatThrownBy(() -> load(dir)).hasMessageContaining(ComposedModel.WEIGHTS)
        .hasMessageContaining("encoder.embedding.items");
  }

  @Test
  void theSameSeedTrainsTheSameModelAndAnotherSeedDoesNot() {
    SasRecPreset.Params p = SasRecNetworks.params("maxLen", 12, "hiddenSize", 8, "blocks", 1, "heads", 1,
        "epochs", 2, "threads", 2);
    List<int[]> histories = List.of(split.test().get(0).history(), split.test().get(1).history());
    float[][][] scores = new float[3][][];
    long[] seeds = {5, 5, 6};
    for (int i = 0; i < 3; i++) {
      try (ComposedModel m = train(p, seeds[i], false)) {
        scores[i] = m.scoreAll(histories);
      }
    }
    assertThat(scores[1]).isDeepEqualTo(scores[0]);
    assertThat(scores[2][0]).isNotEqualTo(scores[0][0]);
  }
}
