package org.recsys.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.EvalCase;
import org.recsys.data.io.ColumnMapping;
import org.recsys.data.io.TextInteractionReader;
import org.recsys.data.preprocess.EmptyDataException;
import org.recsys.data.preprocess.Interactions;
import org.recsys.data.preprocess.PreprocessOptions;
import org.recsys.data.preprocess.Preprocessor;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.SplitOptions;
import org.recsys.data.synthetic.SyntheticConfig;

class DataPipelineTest {
  @TempDir Path dir;

  @Test
  void csvToSplitWithProvenanceAndTheLeakWarning() throws Exception {
    Path f = dir.resolve("r.csv");
    Files.writeString(f, """
        uid,iid,stars,ts
        a,x,5,3
        a,y,4,1
        a,z,5,2
        a,w,1,4
        b,x,4,1
        """);
    DataConfig c = new DataConfig(f.toString(), null, new ColumnMapping("uid", "iid", "ts", "stars"), null, null,
        null, new PreprocessOptions(4.0, null, null, null), null, null);
    LoadedData d = DataPipeline.load(c);
    assertThat(d.before().interactions()).isEqualTo(5);
    assertThat(d.after().interactions()).isEqualTo(4);
    assertThat(d.provenance()).containsKeys("source", "sha256", "preprocess.ratingThreshold")
        .containsEntry("format", "csv");
    assertThat(d.provenance().get("sha256")).hasSize(64);
    DataSplit s = DataPipeline.split(d, c);
    int x = d.dataset().items().id("x");
    int y = d.dataset().items().id("y");
    int z = d.dataset().items().id("z");
    assertThat(s.test()).containsExactly(EvalCase.fullRanking("a", new int[] {y, z}, x));
    assertThat(s.usersTrainOnly()).isEqualTo(1);
    assertThat(s.warnings()).singleElement().asString().contains("real timestamps");
  }

  @Test
  void syntheticByDefaultAndConversionRoundTrips() throws Exception {
    DataConfig c = DataConfig.synthetic(SyntheticConfig.tiny());
    LoadedData d = DataPipeline.load(c);
    assertThat(d.dataset().users()).hasSize(300);
    assertThat(d.provenance().get("source")).startsWith("synthetic");
    Path inter = DataPipeline.convert(d, DataPipeline.Target.RECBOLE, dir, "tiny");
    LoadedData back = DataPipeline.load(DataConfig.file(inter, "auto"));
    assertThat(back.dataset()).isEqualTo(d.dataset());
    Path txt = DataPipeline.convert(d, DataPipeline.Target.SASREC, dir.resolve("tiny.txt"), null);
    LoadedData backTxt = DataPipeline.load(DataConfig.file(txt, "sasrec"));
    assertThat(backTxt.dataset().numInteractions()).isEqualTo(d.dataset().numInteractions());
    assertThat(backTxt.hasTimestamps()).isFalse();
    DataSplit temporal = DataPipeline.split(d, c.withSplit(SplitOptions.temporal(0.8, 0.1)));
    assertThat(temporal.test()).isNotEmpty();
    assertThat(temporal.validation()).isNotEmpty();
  }

  @Test
  void filteringEverythingAwayIsReportedWithTheStep() throws Exception {
    Path f = dir.resolve("d.txt");
    Files.writeString(f, "1 1\n1 2\n2 3\n");
    DataConfig c = DataConfig.file(f, "auto").withPreprocess(PreprocessOptions.kCore(5));
    assertThatThrownBy(() -> DataPipeline.load(c)).isInstanceOf(EmptyDataException.class)
        .hasMessageStartingWith("k-core (users k=5, items k=5) removed every user");
  }

  @Test
  void lenientModeIsRecordedInProvenance() throws Exception {
    Path f = dir.resolve("d.txt");
    Files.writeString(f, "1 1\noops\n1 2\n");
    DataConfig c = new DataConfig(f.toString(), "sasrec", null, null, true, null, null, null, null);
    LoadedData d = DataPipeline.load(c);
    assertThat(d.read().skippedLines()).isEqualTo(1);
    assertThat(d.provenance()).containsEntry("linesSkipped", "1");
    Interactions.Builder b = Interactions.builder();
    TextInteractionReader.sasRec(true).read(f, b);
    assertThat(new Preprocessor(null).apply(b.build()).dataset()).isEqualTo(d.dataset());
  }
}
