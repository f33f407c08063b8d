package org.recsys.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ChecksumList;
import org.recsys.cli.CliTestSupport;
import org.recsys.cli.report.RunFiles;

/** compare, grid, recommend, evaluate, data and quickstart on tiny synthetic data with the test-only model. */
class CommandsEndToEndTest {
  @TempDir Path dir;

  private Path run(String name, String... extra) {
    Path out = dir.resolve(name);
    String[] head = new String[3 + extra.length];
    head[0] = "run";
    head[1] = "--out";
    head[2] = out.toString();
    System.arraycopy(extra, 0, head, 3, extra.length);
    CliTestSupport r = CliTestSupport.run(RunCommandTest.args(head));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return out;
  }

  @Test
  void compareShowsPairedTestsAgainstTheFirstRun() {
    Path a = run("slow-decay", "--set", "model.decay=0.9");
    Path b = run("fast-decay", "--set", "model.decay=0.1");
    CliTestSupport r = CliTestSupport.run("compare", a.toString(), b.toString(), "--metric", "HR@10,NDCG@10");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("| slow-decay | test-recency |").contains("fast-decay vs slow-decay")
        .contains("t-test p").contains("permutation p");
    CliTestSupport bad = CliTestSupport.run("compare", a.toString(), b.toString(), "--metric", "XYZ@3");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("XYZ@3");
  }

  @Test
  void compareRefusesRunsUnderDifferentProtocols() {
    Path a = run("full");
    Path b = run("sampled", "--set", "evaluation.protocol=sampled", "--set", "evaluation.candidates.negatives=10");
    CliTestSupport r = CliTestSupport.run("compare", a.toString(), b.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("same protocol").contains("'protocol' is 'full' in full but 'sampled' in sampled");
  }

  @Test
  void gridRunsTheProductResumesAndSelectsOnValidation() throws Exception {
    Path out = dir.resolve("grid");
    String[] args = RunCommandTest.args("grid", "--out", out.toString(), "--grid", "model.decay=0.1,0.5,0.9",
        "--grid", "seed=1,2");
    CliTestSupport r = CliTestSupport.run(args);
    assertThat(r.exitCode()).as(r.err()).isZero();
    try (var runs = Files.list(out)) {
      assertThat(runs.filter(Files::isDirectory)).hasSize(6);
    }
    assertThat(r.out()).contains("best: ");
    assertThat(out.resolve("best.yaml")).exists();
    assertThat(Files.readString(out.resolve("summary.md"))).contains("validation NDCG@10");
    // A finished run is kept on re-run; an interrupted one (unsealed, beside its directory) is run again.
    Path interrupted = out.resolve(".decay=0.5_seed=2.partial");
    Files.move(out.resolve("decay=0.5_seed=2"), interrupted);
    Files.delete(interrupted.resolve(ChecksumList.FILE_NAME));
    CliTestSupport again = CliTestSupport.run(args);
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("kept finished run decay=0.1_seed=1").contains("finished run decay=0.5_seed=2");
    assertThat(again.out().lines().filter(l -> l.startsWith("kept finished run"))).hasSize(5);
  }

  @Test
  void gridRejectsBadValuesBeforeRunningAnything() {
    Path out = dir.resolve("badgrid");
    CliTestSupport r = CliTestSupport.run(RunCommandTest.args("grid", "--out", out.toString(), "--grid",
        "model.decay=0.5,7"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("decay");
    assertThat(out).doesNotExist();
  }

  @Test
  void recommendMapsExternalIdsAndReportsUnknownOnes() throws Exception {
    Path out = run("rec");
    List<String> vocab = Files.readAllLines(out.resolve("model/items.vocab"));
    String history = vocab.get(4) + "," + vocab.get(7) + ",no-such-item";
    CliTestSupport r = CliTestSupport.run("recommend", "--model", out.toString(), "--history", history, "--k", "3");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("1 unknown item id(s)").contains("no-such-item");
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("1\t");
    // The history is excluded by default; with --keep-seen the recency model puts the last item first.
    assertThat(r.out()).doesNotContain("\t" + vocab.get(7) + "\t");
    CliTestSupport seen = CliTestSupport.run("recommend", "--model", out.resolve("model").toString(), "--history",
        history, "--k", "1", "--keep-seen");
    assertThat(seen.out()).startsWith("1\t" + vocab.get(7) + "\t");
  }

  @Test
  void evaluateReproducesTheRunsTestMetrics() throws Exception {
    Path out = run("eval", "--set", "evaluation.protocol=sampled", "--set", "evaluation.candidates.negatives=15");
    CliTestSupport r = CliTestSupport.run("evaluate", "--model", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    double ndcg = RunFiles.readRecord(out).metrics().get("NDCG@10").mean();
    assertThat(r.out()).contains("protocol=sampled").contains(String.format(java.util.Locale.ROOT, "%.4f", ndcg));
    CliTestSupport other = CliTestSupport.run("evaluate", "--model", out.toString(), "--set", "data.synthetic.items=80");
    assertThat(other.exitCode()).isEqualTo(1);
    assertThat(other.err()).contains("vocabulary");
  }

  @Test
  void evaluateOutWritesARunThatCompareReadsUnderTheNewProtocol() throws Exception {
    Path sampledA = run("a", "--set", "evaluation.protocol=sampled", "--set", "evaluation.candidates.negatives=15",
        "--set", "model.decay=0.9");
    Path sampledB = run("b", "--set", "evaluation.protocol=sampled", "--set", "evaluation.candidates.negatives=15",
        "--set", "model.decay=0.1");
    Path fullA = dir.resolve("a-full");
    Path fullB = dir.resolve("b-full");
    for (Path[] p : new Path[][] {{sampledA, fullA}, {sampledB, fullB}}) {
      CliTestSupport r = CliTestSupport.run("evaluate", "--model", p[0].toString(), "--set", "evaluation.protocol=full",
          "--out", p[1].toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("protocol=full").contains("run directory: " + p[1]);
    }
    // The written run holds the full-ranking metrics that a plain evaluate prints, and its training's epochs.
    var record = RunFiles.readRecord(fullA);
    assertThat(record.protocol()).containsEntry("protocol", "full");
    assertThat(record.epochs()).isEqualTo(RunFiles.readRecord(sampledA).epochs());
    CliTestSupport plain = CliTestSupport.run("evaluate", "--model", sampledA.toString(), "--set",
        "evaluation.protocol=full");
    assertThat(plain.out()).contains(String.format(java.util.Locale.ROOT, "%.4f", record.metrics().get("NDCG@10").mean()));
    assertThat(RunFiles.readPerCase(fullA).users()).hasSize(record.cases());
    assertThat(fullA.resolve(RunFiles.REPORT_HTML)).exists();
    // compare reads the re-evaluated runs together, and refuses to mix them with the sampled ones.
    CliTestSupport compare = CliTestSupport.run("compare", fullA.toString(), fullB.toString());
    assertThat(compare.exitCode()).as(compare.err()).isZero();
    assertThat(compare.out()).contains("| a-full | test-recency |").contains("b-full vs a-full");
    CliTestSupport mixed = CliTestSupport.run("compare", fullA.toString(), sampledB.toString());
    assertThat(mixed.exitCode()).isEqualTo(1);
    assertThat(mixed.err()).contains("'protocol' is 'full' in a-full but 'sampled' in b");
    // A finished directory is replaced only when asked.
    CliTestSupport again = CliTestSupport.run("evaluate", "--model", sampledA.toString(), "--out", fullA.toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("--overwrite");
    CliTestSupport replaced = CliTestSupport.run("evaluate", "--model", sampledA.toString(), "--out", fullA.toString(),
        "--overwrite");
    assertThat(replaced.exitCode()).as(replaced.err()).isZero();
    assertThat(RunFiles.readRecord(fullA).protocol()).containsEntry("protocol", "sampled");
  }

  @Test
  void dataStatsAndConvert() throws Exception {
    Path file = dir.resolve("tiny.txt");
    Files.writeString(file, "u1 a\nu1 b\nu1 c\nu2 b\nu2 c\nu2 d\nu2 a\n");
    CliTestSupport stats = CliTestSupport.run("data", "stats", "--data", file.toString(), "--format", "sasrec");
    assertThat(stats.exitCode()).as(stats.err()).isZero();
    assertThat(stats.out()).contains("interactions").contains("7").contains("2 test cases");
    Path converted = dir.resolve("out");
    CliTestSupport conv = CliTestSupport.run("data", "convert", "--data", file.toString(), "--format", "sasrec", "--to",
        "recbole", "--out", converted.toString(), "--name", "tiny");
    assertThat(conv.exitCode()).as(conv.err()).isZero();
    assertThat(Files.readString(converted.resolve("tiny.inter"))).startsWith("user_id:token\titem_id:token");
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "u1 a\nu1\n");
    CliTestSupport err = CliTestSupport.run("data", "stats", "--data", bad.toString(), "--format", "sasrec");
    assertThat(err.exitCode()).isEqualTo(1);
    assertThat(err.err()).contains("bad.txt:2");
  }

  @Test
  void dataConvertsSasRecTextToSequencesAndBack() throws Exception {
    String sasrec = "1 1\n1 2\n1 3\n2 2\n2 3\n2 4\n2 1\n";
    Path file = dir.resolve("pairs.txt");
    Files.writeString(file, sasrec);
    Path sequences = dir.resolve("sequences.txt");
    CliTestSupport conv = CliTestSupport.run("data", "convert", "--data", file.toString(), "--to", "sequences", "--out",
        sequences.toString());
    assertThat(conv.exitCode()).as(conv.err()).isZero();
    assertThat(Files.readString(sequences)).isEqualTo("1 1 2 3\n2 2 3 4 1\n");
    CliTestSupport stats = CliTestSupport.run("data", "stats", "--data", sequences.toString());
    assertThat(stats.exitCode()).as(stats.err()).isZero();
    assertThat(stats.out()).contains("format: sequences");
    Path back = dir.resolve("back.txt");
    CliTestSupport again = CliTestSupport.run("data", "convert", "--data", sequences.toString(), "--to", "sasrec",
        "--out", back.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(Files.readString(back)).isEqualTo(sasrec);
  }

  @Test
  void quickstartRunsEveryModelOfAPlanAndCompares() throws Exception {
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, """
        seed: 3
        data:
          synthetic: {users: 100, items: 50, clusters: 5, styles: 2, successors: 3, minLength: 8, maxLength: 20}
        evaluation: {ks: [10], metrics: [HR, NDCG], bootstrapResamples: 100}
        models:
          - {type: test-recency, decay: 0.9}
          - {type: test-recency, decay: 0.2}
        """);
    Path out = dir.resolve("qs");
    CliTestSupport r = CliTestSupport.run("quickstart", "--config", plan.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("| 1-test-recency | test-recency |").contains("2-test-recency vs 1-test-recency");
    assertThat(out.resolve("comparison.md")).exists();
    String page = Files.readString(out.resolve("comparison.html"));
    assertThat(page).contains("<a href=\"1-test-recency/report.html\">", "<a href=\"2-test-recency/report.html\">")
        .contains("2-test-recency vs 1-test-recency").contains("<svg");
    Files.writeString(plan, "models: []\n");
    CliTestSupport empty = CliTestSupport.run("quickstart", "--config", plan.toString(), "--out", out.toString());
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err()).contains("non-empty 'models' list");
  }

  @Test
  void builtInQuickstartPlanIsTheShippedConfigFile() throws Exception {
    Path shipped = Path.of("..", "configs", "quickstart.yaml");
    assertThat(QuickstartCommand.builtInPlan()).isEqualTo(Files.readString(shipped));
  }
}
