package org.recsys.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.cli.CliTestSupport;

class MetricsCommandTest {
  @TempDir Path dir;

  @Test
  void scoresRankingsFilesEndToEnd() throws Exception {
    Path r = dir.resolve("R.tsv");
    Path t = dir.resolve("T.tsv");
    // u1: target b at rank 2; u2: target z not ranked; u3: no ranking at all (a miss).
    Files.writeString(r, "u1\ta,b,c\nu2\tx,y\n");
    Files.writeString(t, "u1\tb\nu2\tz\nu3\tq\n");
    CliTestSupport run = CliTestSupport.run("metrics", "--rankings", r.toString(), "--truth", t.toString(), "--k", "1,2");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    // HR@2 = 1/3 (only u1 hits); NDCG@2 = (1/log2(3)) / 3; MRR@2 = (1/2) / 3; Accuracy = 0.
    assertThat(json.at("/metrics/HR@2").asDouble()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(json.at("/metrics/NDCG@2").asDouble()).isCloseTo(1 / (Math.log(3) / Math.log(2)) / 3,
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(json.at("/metrics/MRR@2").asDouble()).isCloseTo(0.5 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(json.at("/metrics/Accuracy").asDouble()).isZero();
    assertThat(json.at("/missingUsers").asInt()).isEqualTo(1);
    assertThat(run.err()).contains("1 of 3 users");
  }

  @Test
  void duplicateItemInARankingNamesTheUserAndLine() throws Exception {
    Path r = dir.resolve("R.tsv");
    Path t = dir.resolve("T.tsv");
    Files.writeString(r, "u1\ta,b\nu2\tx,y,x\n");
    Files.writeString(t, "u1\tb\n");
    CliTestSupport run = CliTestSupport.run("metrics", "--rankings", r.toString(), "--truth", t.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("R.tsv:2").contains("u2");
  }

  @Test
  void markdownFormat() throws Exception {
    Path r = dir.resolve("R.tsv");
    Path t = dir.resolve("T.tsv");
    Files.writeString(r, "u1\ta,b\n");
    Files.writeString(t, "u1\ta\n");
    CliTestSupport run = CliTestSupport.run("metrics", "--rankings", r.toString(), "--truth", t.toString(), "--format", "md");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("|").contains("HR@10");
  }
}
