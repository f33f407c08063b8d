package org.recsys.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ChecksumList;
import org.recsys.cli.CliTestSupport;
import org.recsys.cli.experiment.RunDirectory;
import org.recsys.cli.report.RunFiles;
import org.recsys.store.ModelManifest;

/** A run directory is never overwritten silently, never half old and half new, and its model files are checked. */
class RunDirectorySafetyTest {
  @TempDir Path dir;

  /** {@code run --out OUT}, the tiny test settings, then {@code extra} (so it overrides them). */
  private CliTestSupport run(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of(RunCommandTest.args("run", "--out", out.toString())));
    args.addAll(List.of(extra));
    return CliTestSupport.run(args.toArray(String[]::new));
  }

  @Test
  void aFinishedRunIsRefusedUnlessOverwriteIsGiven() throws Exception {
    Path out = dir.resolve("r");
    assertThat(run(out).exitCode()).isZero();
    byte[] metrics = Files.readAllBytes(out.resolve(RunFiles.METRICS));

    CliTestSupport again = run(out, "--set", "model.decay=0.9");
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains(out.toString()).contains("holds a finished run").contains("--overwrite");
    assertThat(Files.readAllBytes(out.resolve(RunFiles.METRICS))).isEqualTo(metrics);
    assertThat(Files.readString(out.resolve(RunFiles.CONFIG))).contains("decay: 0.5");

    CliTestSupport replaced = run(out, "--set", "model.decay=0.9", "--overwrite");
    assertThat(replaced.exitCode()).as(replaced.err()).isZero();
    assertThat(Files.readString(out.resolve(RunFiles.CONFIG))).contains("decay: 0.9");
    ChecksumList.verify(out);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out); // no staging or replaced run left beside it
    }
  }

  @Test
  void aRerunThatFailsMidwayLeavesTheFinishedRunWhole() throws Exception {
    Path out = dir.resolve("r");
    assertThat(run(out).exitCode()).isZero();
    byte[] metrics = Files.readAllBytes(out.resolve(RunFiles.METRICS));
    byte[] config = Files.readAllBytes(out.resolve(RunFiles.CONFIG));

    CliTestSupport failed = run(out, "--overwrite", "--set", "model={type: test-recency, decay: 0.9, failTraining: true}");
    assertThat(failed.exitCode()).isEqualTo(1);
    // Before, the new config.resolved.yaml sat next to the old metrics.json and model/.
    assertThat(Files.readAllBytes(out.resolve(RunFiles.CONFIG))).isEqualTo(config);
    assertThat(Files.readAllBytes(out.resolve(RunFiles.METRICS))).isEqualTo(metrics);
    ChecksumList.verify(out);
    assertThat(CliTestSupport.run("compare", out.toString(), out.toString()).exitCode()).isZero();

    // The failed attempt waits beside the run; a plain rerun is refused instead of discarding it.
    assertThat(RunDirectory.of(out).interrupted()).isTrue();
    CliTestSupport plain = run(out);
    assertThat(plain.exitCode()).isEqualTo(2);
    assertThat(plain.err()).contains("holds a finished run");
  }

  @Test
  void anUnfinishedOrForeignDirectoryIsNeverReadAsARun() throws Exception {
    Path out = dir.resolve("r");
    assertThat(run(out).exitCode()).isZero();
    Files.delete(out.resolve(ChecksumList.FILE_NAME));
    CliTestSupport compare = CliTestSupport.run("compare", out.toString(), out.toString());
    assertThat(compare.exitCode()).isEqualTo(1);
    assertThat(compare.err()).contains(out + ": not a finished run");
    CliTestSupport rerun = run(out);
    assertThat(rerun.exitCode()).isEqualTo(2);
    assertThat(rerun.err()).contains("holds no finished run").contains("--overwrite");
  }

  @Test
  void outPointingAtAFileAndResumeWithNothingToResumeAreNamed() throws Exception {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "mine");
    CliTestSupport r = run(file);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains(file + ": exists and is not a directory");
    assertThat(Files.readString(file)).isEqualTo("mine");

    Path none = dir.resolve("none");
    CliTestSupport resume = run(none, "--resume");
    assertThat(resume.exitCode()).isEqualTo(2);
    assertThat(resume.err()).contains("--resume: " + none).contains("nothing to resume");
  }

  @Test
  void damagedModelFilesAreRefusedByName() throws Exception {
    Path out = dir.resolve("r");
    assertThat(run(out).exitCode()).isZero();
    Path decay = out.resolve(RunFiles.MODEL_DIR).resolve("decay.txt");
    Files.writeString(decay, "\n\0\0garbage", StandardOpenOption.APPEND);
    CliTestSupport r = CliTestSupport.run("recommend", "--model", out.toString(), "--history", "1");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains(decay.toString()).contains("checksum mismatch");
  }

  @Test
  void nonFiniteScoresAreAnErrorNamingTheModelDirectory() throws Exception {
    Path out = dir.resolve("r");
    assertThat(run(out).exitCode()).isZero();
    Path model = out.resolve(RunFiles.MODEL_DIR);
    // A model that scores NaN, saved consistently (its checksums match): only the scores can tell.
    Files.writeString(model.resolve("decay.txt"), "NaN");
    ChecksumList.write(model);
    String item = Files.readAllLines(model.resolve("items.vocab")).get(0);
    String second = Files.readAllLines(model.resolve("items.vocab")).get(1);
    CliTestSupport r = CliTestSupport.run("recommend", "--model", out.toString(), "--history", item + "," + second);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(model.toString()).contains("NaN");
  }

  @Test
  void theManifestsItemCountIsChecked() throws Exception {
    Path out = dir.resolve("r");
    assertThat(run(out).exitCode()).isZero();
    Path model = out.resolve(RunFiles.MODEL_DIR);
    Path manifest = model.resolve(ModelManifest.FILE_NAME);
    Files.writeString(manifest, Files.readString(manifest).replaceAll("\"items\" : \\d+", "\"items\" : 999"));
    ChecksumList.write(model);
    CliTestSupport r = CliTestSupport.run("recommend", "--model", out.toString(), "--history", "1");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains(manifest + ": says 999 items, but the model in " + model + " has 60");
  }

  @Test
  void evaluateWithoutAConfigBesideTheModelIsRefused() throws Exception {
    Path out = dir.resolve("r");
    assertThat(run(out).exitCode()).isZero();
    Path alone = dir.resolve("alone");
    Files.move(out.resolve(RunFiles.MODEL_DIR), alone);
    CliTestSupport r = CliTestSupport.run("evaluate", "--model", alone.toString());
    // Before: evaluated on the synthetic defaults and reported a vocabulary mismatch.
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(alone + " has no config.resolved.yaml beside it").contains("--config");
  }
}
