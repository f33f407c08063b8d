package org.recsys.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ChecksumList;
import org.recsys.api.EpochResult;
import org.recsys.cli.CliTestSupport;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.report.RunRecord;
import org.recsys.cli.wiring.ComponentModules;
import org.recsys.cli.wiring.ModelRegistry;

/**
 * Kills the {@code recsys run} process (SIGKILL, and SIGTERM as Ctrl-C would) at seeded moments of training,
 * checkpointing, model saving, reporting and committing, then checks that the run directory is either absent
 * (and refused by the commands that read runs) or complete and consistent, and that resuming gives exactly the
 * result of an uninterrupted run. A killed {@code --overwrite} of a finished run must leave the old run whole or
 * the new one complete.
 */
@Tag("slow")
class FaultInjectionSlowTest {
  private static final List<String> CONFIG = List.of(
      "--set", "seed=5",
      "--set", "data.synthetic={users: 300, items: 60, clusters: 6, styles: 2, successors: 3, minLength: 8,"
          + " maxLength: 24}",
      "--set", "model={type: sasrec, maxLen: 12, hiddenSize: 8, blocks: 1, heads: 1, batchSize: 32, epochs: 6,"
          + " validateEvery: 1, patience: 20, loss: ce, learningRate: 0.01, threads: 1}",
      "--set", "evaluation.bootstrapResamples=100",
      "--set", "evaluation.threads=1");

  @TempDir Path dir;

  /**
   * A moment to kill at: once {@code marker} shows in the run's train.log (or {@code report.md} appears), or,
   * without a marker, a random time after the start; plus a jitter.
   */
  private record Moment(String what, String marker, boolean gentle) {}

  private static List<String> args(String... head) {
    List<String> a = new ArrayList<>(List.of(head));
    a.addAll(CONFIG);
    return a;
  }

  @Test
  void everyKilledRunIsAbsentOrCompleteAndResumesToTheUninterruptedResult() throws Exception {
    Path reference = dir.resolve("reference");
    CliTestSupport unbroken = CliTestSupport.run(args("run", "--out", reference.toString()).toArray(String[]::new));
    assertThat(unbroken.exitCode()).as(unbroken.err()).isZero();
    RunRecord expected = RunFiles.readRecord(reference);

    Random random = new Random(15);
    List<Moment> moments = new ArrayList<>();
    for (int epoch = 1; epoch <= 5; epoch++) {
      moments.add(new Moment("after epoch " + epoch + " (checkpoint)", "epoch " + epoch + " loss", false));
    }
    moments.add(new Moment("model saving", "trained in", false));
    moments.add(new Moment("reporting", "evaluated", false));
    moments.add(new Moment("committing", RunFiles.REPORT_MD, false));
    moments.add(new Moment("Ctrl-C during training", "epoch 2 loss", true));
    moments.add(new Moment("Ctrl-C during evaluation", "trained in", true));
    moments.add(new Moment("a random time", null, false));
    moments.add(new Moment("another random time", null, false));
    java.util.Collections.shuffle(moments, random);
    List<String> seen = new ArrayList<>();
    for (int round = 0; round < moments.size(); round++) {
      Moment m = moments.get(round);
      boolean overwrite = random.nextInt(4) == 0;
      Path run = dir.resolve("run" + round);
      if (overwrite) {
        copyTree(reference, run);
      }
      int jitterMs = m.marker() == null ? 2000 + random.nextInt(6000) : random.nextInt(40);
      List<String> cmd = args("run", "--out", run.toString());
      if (overwrite) {
        cmd.addAll(List.of("--overwrite", "--set", "model.epochs=4"));
      }
      String outcome = killAt(cmd, RunDirectory.of(run), m, jitterMs);
      seen.add(round + ": " + m.what() + (overwrite ? " of an --overwrite" : "") + " -> " + outcome);

      if (overwrite) {
        // The old run stays whole until the new one is complete.
        RunDirectory.of(run).recover();
        assertConsistent(run);
        String config = Files.readString(run.resolve(RunFiles.CONFIG));
        if (config.contains("epochs: 6")) {
          assertThat(RunFiles.readRecord(run).metrics()).isEqualTo(expected.metrics());
        }
        continue;
      }
      if (Files.exists(run)) {
        assertConsistent(run);
        assertThat(RunFiles.readRecord(run).metrics()).as(seen.toString()).isEqualTo(expected.metrics());
      } else {
        // A run that does not exist yet is refused by what reads runs.
        CliTestSupport compare = CliTestSupport.run("compare", reference.toString(), run.toString());
        assertThat(compare.exitCode()).isEqualTo(1);
        assertThat(compare.err()).contains(run.toString());
      }
      RunRecord resumed = finish(run);
      assertThat(resumed.metrics()).as(seen.toString()).isEqualTo(expected.metrics());
      assertThat(resumed.validation()).isEqualTo(expected.validation());
      assertThat(resumed.bestEpoch()).isEqualTo(expected.bestEpoch());
      assertThat(resumed.epochs()).extracting(EpochResult::epoch)
          .isEqualTo(expected.epochs().stream().map(EpochResult::epoch).toList());
      assertThat(Files.readAllLines(run.resolve(RunFiles.EPOCHS))).hasSize(expected.epochs().size());
      assertThat(resumed.provenance().dataChecksum()).isEqualTo(expected.provenance().dataChecksum());
    }
    // The suite is only worth its time if it hit runs in different states.
    assertThat(seen).as(seen.toString()).anyMatch(s -> s.endsWith("-> unfinished"));
  }

  /** Starts the CLI in its own JVM, kills it at {@code m}, and says what it left: absent, unfinished or finished. */
  private static String killAt(List<String> cliArgs, RunDirectory run, Moment m, int jitterMs) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.recsys.cli.Recsys"));
    cmd.addAll(cliArgs);
    Path log = Files.createTempFile("recsys-fault", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (m.marker() != null && p.isAlive() && !reached(run.staging(), m.marker())
          && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      Thread.sleep(jitterMs);
      if (m.gentle()) {
        p.destroy(); // SIGTERM: the shutdown hook asks the run to stop, as Ctrl-C does
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(log);
        if (!Files.exists(run.target())) {
          // The promise of the stop message is kept: a final line, and a run to resume.
          assertThat(printed).as(printed).contains("stopped ").contains("--resume");
        }
      } else {
        p.destroyForcibly(); // SIGKILL
        p.waitFor(30, TimeUnit.SECONDS);
      }
    } finally {
      p.destroyForcibly();
      Files.deleteIfExists(log);
    }
    if (Files.exists(run.target())) {
      return "finished";
    }
    return Files.exists(run.staging()) ? "unfinished" : "absent";
  }

  private static boolean reached(Path staging, String marker) throws IOException {
    if (marker.equals(RunFiles.REPORT_MD)) {
      return Files.exists(staging.resolve(RunFiles.REPORT_MD));
    }
    Path log = staging.resolve(RunFiles.LOG);
    try {
      return Files.exists(log) && Files.readString(log).contains(marker);
    } catch (IOException e) {
      return false; // being written
    }
  }

  /** Every file matches the checksum list written last; the model loads. */
  private static void assertConsistent(Path run) throws IOException {
    ChecksumList.verify(run);
    ChecksumList.verify(run.resolve(RunFiles.MODEL_DIR));
    ModelRegistry registry = ComponentModules.injector().getInstance(ModelRegistry.class);
    assertThat(SavedModels.load(run, registry).numItems()).isPositive();
    assertThat(CliTestSupport.run("compare", run.toString(), run.toString()).exitCode()).isZero();
  }

  /** Completes the run in {@code run} the way a user would: --resume when there is something to resume. */
  private static RunRecord finish(Path run) throws IOException {
    RunDirectory d = RunDirectory.of(run);
    d.recover();
    if (!d.finished()) {
      boolean resumable = Files.exists(d.staging());
      List<String> cmd = args("run", "--out", run.toString());
      if (resumable) {
        cmd.add("--resume");
      }
      CliTestSupport r = CliTestSupport.run(cmd.toArray(String[]::new));
      assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    }
    assertConsistent(run);
    assertThat(d.staging()).doesNotExist();
    return RunFiles.readRecord(run);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
