package org.recsys.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.cli.CliTestSupport;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.report.RunRecord;

/** The whole run pipeline with the test-only plugin model on tiny synthetic data. */
class RunCommandTest {
  @TempDir Path dir;

  static final String[] TINY = {"--set", "data.synthetic={users: 120, items: 60, clusters: 6, styles: 2,"
      + " successors: 3, minLength: 8, maxLength: 20}", "--set", "model={type: test-recency, decay: 0.5}",
      "--set", "evaluation.bootstrapResamples=200"};

  @Test
  void writesACompleteRunDirectory() throws Exception {
    Path out = dir.resolve("run1");
    CliTestSupport r = CliTestSupport.run(args("run", "--out", out.toString()));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("NDCG@10").contains("protocol=full");
    RunRecord record = RunFiles.readRecord(out);
    assertThat(record.model()).isEqualTo("test-recency");
    assertThat(record.cases()).isEqualTo(120);
    assertThat(record.protocol()).containsEntry("protocol", "full").containsEntry("excludeSeen", "true")
        .containsEntry("split", "leave-one-out");
    assertThat(record.metrics().get("HR@10").ciLow()).isLessThanOrEqualTo(record.metrics().get("HR@10").mean());
    assertThat(record.provenance().seed()).isEqualTo(42);
    assertThat(record.provenance().dataChecksum()).startsWith("sha256:");
    String config = Files.readString(out.resolve(RunFiles.CONFIG));
    assertThat(config).contains("type: \"test-recency\"").contains("decay: 0.5").contains("users: 120");
    String md = Files.readString(out.resolve(RunFiles.REPORT_MD));
    assertThat(md).contains("| NDCG@10 |").contains("protocol=full");
    String html = Files.readString(out.resolve(RunFiles.REPORT_HTML));
    assertThat(html).contains("<img alt=\"Test metrics with 95% confidence intervals\" src=\"data:image/png;base64,");
    assertThat(Files.readAllLines(out.resolve(RunFiles.PER_CASE))).hasSize(121);
    assertThat(out.resolve(RunFiles.MODEL_DIR).resolve("items.vocab")).exists();
    assertThat(Files.readString(out.resolve(RunFiles.LOG))).contains("evaluated 120 cases");
  }

  @Test
  void theResolvedConfigRunsAgainToTheSameNumbers() throws Exception {
    Path first = dir.resolve("a");
    assertThat(CliTestSupport.run(args("run", "--out", first.toString())).exitCode()).isZero();
    Path second = dir.resolve("b");
    CliTestSupport r = CliTestSupport.run("run", "--config", first.resolve(RunFiles.CONFIG).toString(), "--out",
        second.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(RunFiles.readRecord(second).metrics()).isEqualTo(RunFiles.readRecord(first).metrics());
  }

  @Test
  void sampledProtocolFreezesItsCandidates() throws Exception {
    Path out = dir.resolve("s");
    CliTestSupport r = CliTestSupport.run(args("run", "--out", out.toString(), "--set", "evaluation.protocol=sampled",
        "--set", "evaluation.candidates.negatives=20"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    RunRecord record = RunFiles.readRecord(out);
    assertThat(record.protocol()).containsEntry("protocol", "sampled");
    assertThat(out.resolve("candidates-test.tsv")).exists();
  }

  @Test
  void unknownKeysAreUsageErrors() {
    CliTestSupport r = CliTestSupport.run(args("run", "--out", dir.resolve("x").toString(), "--set", "evaluation.kz=[1]"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("evaluation.kz");
    CliTestSupport top = CliTestSupport.run(args("run", "--set", "modle.type=pop"));
    assertThat(top.exitCode()).isEqualTo(2);
    assertThat(top.err()).contains("unknown key 'modle'");
  }

  static String[] args(String... head) {
    String[] all = new String[head.length + TINY.length];
    System.arraycopy(TINY, 0, all, 0, TINY.length);
    // picocli wants the subcommand first.
    String[] out = new String[all.length];
    out[0] = head[0];
    System.arraycopy(head, 1, out, 1, head.length - 1);
    System.arraycopy(TINY, 0, out, head.length, TINY.length);
    return out;
  }
}
