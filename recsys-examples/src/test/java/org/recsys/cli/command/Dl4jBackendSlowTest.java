package org.recsys.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.cli.CliTestSupport;
import org.recsys.cli.report.RunFiles;
import org.recsys.api.EvaluationReport;
import org.recsys.eval.stats.PairedComparison;
import org.recsys.eval.stats.PairedTest;

/**
 * {@code model.backend: dl4j} through the command line, end to end: {@code recsys run} trains README's swap
 * config on the SameDiff graph, beats popularity, records the backend in the resolved config and the saved
 * model's manifest, and {@code recsys recommend} serves the saved model; an unsupported component fails the run
 * before any data is read, naming it.
 */
@Tag("slow")
class Dl4jBackendSlowTest {
  private static final String CONFIG = "../configs/swap-encoder.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aRunOnTheDl4jBackendTrainsSavesAndRecommends() throws Exception {
    run("pop", "--set", "model={type: pop}");
    run("dl4j", "--set", "model.backend=dl4j", "--set", "model.training.epochs=6", "--set",
        "model.training.validateEvery=3");
    PairedComparison vsPop = PairedTest.withSeed(1).compare(report("pop"), report("dl4j"), "HR@10");
    assertThat(vsPop.difference()).as("dl4j HR@10 over popularity").isGreaterThan(0.1);
    assertThat(vsPop.ciLow()).isGreaterThan(0.05);
    assertThat(Files.readString(dir.resolve("dl4j").resolve(RunFiles.CONFIG))).contains("backend: \"dl4j\"");
    Path model = dir.resolve("dl4j").resolve(RunFiles.MODEL_DIR);
    JsonNode manifest = JSON.readTree(model.resolve("model.json").toFile());
    assertThat(manifest.path("backend").asText()).isEqualTo("dl4j");
    String item = Files.readAllLines(model.resolve("items.vocab")).get(3);
    CliTestSupport r = CliTestSupport.run("recommend", "--model", model.toString(), "--history", item, "--k", "5");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).hasSize(5).allMatch(l -> l.split("\t").length == 3);
  }

  @Test
  void anUnsupportedComponentFailsTheRunNamingIt() {
    CliTestSupport r = CliTestSupport.run("run", "--quiet", "--config", CONFIG, "--out",
        dir.resolve("bad").toString(), "--set", "model.backend=dl4j", "--set", "model.loss={type: bpr-max}");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).contains("model.backend").contains("bpr-max");
    assertThat(dir.resolve("bad")).doesNotExist();
  }

  private void run(String name, String... overrides) {
    List<String> args = new java.util.ArrayList<>(List.of("run", "--quiet", "--config", CONFIG, "--out",
        dir.resolve(name).toString()));
    args.addAll(List.of(overrides));
    CliTestSupport r = CliTestSupport.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(name + ": " + r.err()).isZero();
  }

  private EvaluationReport report(String run) throws Exception {
    return CliTestSupport.report(dir.resolve(run));
  }
}
