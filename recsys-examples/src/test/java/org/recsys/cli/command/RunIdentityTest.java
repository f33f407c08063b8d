package org.recsys.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ChecksumList;
import org.recsys.cli.CliTestSupport;
import org.recsys.cli.experiment.RunDirectory;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.report.RunRecord;
import org.recsys.data.DataPipeline;

/** A finished grid point or a checkpoint stands for a run only when config and data are the same. */
class RunIdentityTest {
  @TempDir Path dir;

  private static CliTestSupport cli(String command, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of(RunCommandTest.args(command, "--out", out.toString())));
    args.addAll(List.of(extra));
    return CliTestSupport.run(args.toArray(String[]::new));
  }

  private Path dataFile(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    StringBuilder sb = new StringBuilder();
    for (int u = 1; u <= 30; u++) {
      for (int i = 0; i < 6; i++) {
        sb.append("u").append(u).append(' ').append(1 + (u * 7 + i * 3) % 20).append('\n');
      }
    }
    Files.writeString(f, sb + content);
    return f;
  }

  @Test
  void gridRefusesFinishedRunsMadeWithAnotherConfigAndOverwriteRunsThemAgain() throws Exception {
    Path out = dir.resolve("grid");
    String[] grid = {"--grid", "model.decay=0.2,0.8"};
    assertThat(cli("grid", out, grid).exitCode()).isZero();
    String best = Files.readString(out.resolve("best.yaml"));
    assertThat(best).contains("users: 120");

    List<String> changed = new ArrayList<>(List.of(grid));
    changed.addAll(List.of("--set", "data.synthetic.users=130"));
    CliTestSupport r = cli("grid", out, changed.toArray(String[]::new));
    // Before, both runs were "kept" and best.yaml kept saying users: 120.
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("decay=0.2: data.synthetic.users is 120 there, 130 now").contains("--overwrite");
    assertThat(Files.readString(out.resolve("best.yaml"))).isEqualTo(best);

    changed.add("--overwrite");
    CliTestSupport again = cli("grid", out, changed.toArray(String[]::new));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("running decay=0.2 again: data.synthetic.users is 120 there, 130 now");
    assertThat(Files.readString(out.resolve("best.yaml"))).contains("users: 130");
    assertThat(RunFiles.readRecord(out.resolve("decay=0.8")).cases()).isEqualTo(130);
  }

  @Test
  void gridRefusesFinishedRunsWhoseDataFileChanged() throws Exception {
    Path data = dataFile("d.txt", "");
    Path out = dir.resolve("grid");
    String[] args = {"--grid", "model.decay=0.5", "--set", "data.path=" + data};
    assertThat(cli("grid", out, args).exitCode()).isZero();
    Files.writeString(data, Files.readString(data) + "u1 5\n");
    CliTestSupport r = cli("grid", out, args);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("the data changed");
  }

  @Test
  void resumeRefusesOtherDataOrAnotherModelAndKeepsTheProvenanceRight() throws Exception {
    Path a = dataFile("a.txt", "");
    Path b = dataFile("b.txt", "u1 7\n");
    Path out = dir.resolve("r");
    assertThat(cli("run", out, "--set", "data.path=" + a).exitCode()).isZero();
    // Make it an interrupted run, as a stop during evaluation leaves it.
    Path staging = RunDirectory.of(out).staging();
    Files.move(out, staging);
    Files.delete(staging.resolve(ChecksumList.FILE_NAME));

    CliTestSupport other = cli("run", out, "--set", "data.path=" + b, "--resume");
    // Before, this resumed and recorded only b's checksum.
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).contains("--resume: the run in " + out).contains("data.path is " + a + " there, " + b
        + " now");
    Files.copy(b, a, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    CliTestSupport changedFile = cli("run", out, "--set", "data.path=" + a, "--resume");
    assertThat(changedFile.exitCode()).isEqualTo(2);
    assertThat(changedFile.err()).contains("the data changed");
    CliTestSupport model = cli("run", out, "--set", "data.path=" + a, "--set", "model={type: pop}", "--resume");
    assertThat(model.exitCode()).isEqualTo(2);
    assertThat(model.err()).contains("model.type is test-recency there, pop now");

    Files.writeString(a, Files.readString(dataFile("a.txt", "")));
    CliTestSupport same = cli("run", out, "--set", "data.path=" + a, "--resume");
    assertThat(same.exitCode()).as(same.err()).isZero();
    RunRecord record = RunFiles.readRecord(out);
    assertThat(record.provenance().dataChecksum()).isEqualTo("sha256:" + DataPipeline.sha256(a));
  }
}
