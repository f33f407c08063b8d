package org.recsys.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.cli.CliTestSupport;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.report.RunRecord;
import org.recsys.data.io.DataFormat;
import org.recsys.eval.EvaluationProtocol;
import org.recsys.eval.Metric;
import org.recsys.examples.snippets.PluginSnippetsTest;

/**
 * The test-only protocol, metric and data format of {@link PluginSnippetsTest}, registered only through this
 * module's test {@code META-INF/services} files, reach the injector and are picked by name from a config.
 */
class LibraryPluginsTest {
  @TempDir Path dir;

  @Test
  void theInjectorHoldsTheLibraryPluginsOfTheClassPathByName() {
    Injector injector = ComponentModules.injector();
    assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, EvaluationProtocol>>() {})))
        .containsKeys("full", "sampled").containsEntry("recent-history", new PluginSnippetsTest.RecentHistoryProtocol());
    assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, Metric>>() {})))
        .containsEntry("NDCG", Metric.NDCG).containsEntry("DCG", new PluginSnippetsTest.Dcg());
    assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, DataFormat>>() {})))
        .containsEntry("csv", DataFormat.CSV).containsEntry("psv", new PluginSnippetsTest.PipeFormat());
    Registries registries = injector.getInstance(Registries.class);
    assertThat(registries.protocols().names()).contains("full", "sampled", "recent-history");
    assertThat(registries.metrics().names()).contains("Accuracy", "MAP", "DCG");
    assertThat(registries.formats().names()).contains("sasrec", "tsv", "psv");
    assertThat(registries.models().names()).contains("test-recency");
  }

  @Test
  void aRunReadsEvaluatesAndReportsWithThePluginsItNames() throws Exception {
    Path data = dir.resolve("clicks.psv");
    Files.writeString(data, PluginSnippetsTest.pipeLines());
    Path config = dir.resolve("exp.yaml");
    Files.writeString(config, """
        data:
          path: %s
        model:
          type: pop
        evaluation:
          protocol: recent-history
          metrics: [DCG, HR]
          ks: [5, 10]
          bootstrapResamples: 50
        """.formatted(data));
    Path out = dir.resolve("run");
    CliTestSupport r = CliTestSupport.run("run", "--config", config.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    RunRecord record = RunFiles.readRecord(out);
    assertThat(record.data()).containsEntry("format", "psv").containsEntry("users", 40);
    assertThat(record.protocol()).containsEntry("protocol", "full").containsEntry("history", "last 5 items")
        .containsEntry("split", "leave-one-out");
    assertThat(record.cases()).isEqualTo(40);
    assertThat(record.metrics()).containsOnlyKeys("DCG@5", "DCG@10", "HR@5", "HR@10");
    assertThat(record.validation()).containsKey("DCG@10");
    assertThat(Files.readString(out.resolve(RunFiles.CONFIG))).contains("protocol: \"recent-history\"");
  }

  @Test
  void unknownNamesAreUsageErrorsListingTheRegisteredChoices() {
    CliTestSupport protocol = CliTestSupport.run("run", "--set", "evaluation.protocol=loo");
    assertThat(protocol.exitCode()).isEqualTo(2);
    assertThat(protocol.err()).contains("unknown protocol 'loo'; valid: [").contains("recent-history")
        .contains("evaluation.protocol in --set");
    CliTestSupport metric = CliTestSupport.run("run", "--set", "evaluation.metrics=[ndgc]");
    assertThat(metric.exitCode()).isEqualTo(2);
    assertThat(metric.err()).contains("unknown metric 'ndgc'").contains("DCG").contains("NDCG");
    CliTestSupport format = CliTestSupport.run("data", "stats", "--data", "x.parquet", "--format", "parquet");
    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.err()).contains("unknown data format 'parquet'").contains("psv");
  }

  @Test
  void dataStatsReadsAPluginFormatToldFromTheFileName() throws Exception {
    Path data = dir.resolve("clicks.psv");
    Files.writeString(data, PluginSnippetsTest.pipeLines());
    CliTestSupport r = CliTestSupport.run("data", "stats", "--data", data.toString(), "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"format\" : \"psv\"");
  }
}
