package org.recsys.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.TrainingStoppedException;
import org.recsys.cli.config.ConfigLayers;
import org.recsys.cli.progress.StopSignal;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.report.RunRecord;
import org.recsys.cli.wiring.ComponentModules;
import org.recsys.cli.wiring.ModelRegistry;

/** Ctrl-C during training saves a checkpoint; resuming finishes with exactly the metrics of an unbroken run. */
@Tag("slow")
class StopAndResumeTest {
  @TempDir Path dir;

  private final ModelRegistry registry = ComponentModules.injector().getInstance(ModelRegistry.class);
  private final Experiment experiment = experiment(8);

  private Experiment experiment(int epochs) {
    return Experiment.bind(ConfigLayers.withDefaults().overrides(List.of(
        "seed=11",
        "data.synthetic={users: 600, items: 80, clusters: 8, styles: 2, successors: 3, minLength: 10, maxLength: 30}",
        "model={type: sasrec, maxLen: 20, hiddenSize: 16, blocks: 1, batchSize: 16, epochs: " + epochs
            + ", validateEvery: 1, patience: 20, loss: ce, learningRate: 0.01, threads: 1}",
        "evaluation.bootstrapResamples=100")).resolve(), registry);
  }

  @Test
  void aStoppedRunResumesToTheSameResult() throws Exception {
    RunRecord unbroken = runner(StopSignal.manual()).run(experiment, dir.resolve("unbroken"), RunMode.NEW);
    Path runDir = dir.resolve("stopped");
    Path staging = stopAfterTheSecondEpoch(runDir);

    RunRecord resumed = runner(StopSignal.manual()).run(experiment, runDir, RunMode.RESUME);
    assertThat(staging).doesNotExist();
    assertThat(resumed.metrics()).isEqualTo(unbroken.metrics());
    assertThat(resumed.validation()).isEqualTo(unbroken.validation());
    // The report keeps the whole history, epochs before the stop included.
    assertThat(resumed.epochs()).extracting(org.recsys.api.EpochResult::epoch)
        .isEqualTo(unbroken.epochs().stream().map(org.recsys.api.EpochResult::epoch).toList());
    assertThat(resumed.epochs().get(0).loss()).isEqualTo(unbroken.epochs().get(0).loss());
    assertThat(resumed.epochs().get(0).validation()).isEqualTo(unbroken.epochs().get(0).validation());
    assertThat(resumed.bestEpoch()).isEqualTo(unbroken.bestEpoch());
  }

  /**
   * The epoch limit may change on resume, also for a preset, whose resolved config records it as the expanded
   * spec's {@code model.training.epochs}. Before: refused, "model.training.epochs is 8 there, 3 now".
   */
  @Test
  void aStoppedRunResumesUnderAnotherEpochLimit() throws Exception {
    Path runDir = dir.resolve("stopped");
    stopAfterTheSecondEpoch(runDir);
    RunRecord resumed = runner(StopSignal.manual()).run(experiment(3), runDir, RunMode.RESUME);
    assertThat(resumed.epochs()).extracting(org.recsys.api.EpochResult::epoch).containsExactly(1, 2, 3);
  }

  /** Runs {@link #experiment} into {@code runDir} and stops it after its second epoch; returns the staging dir. */
  private Path stopAfterTheSecondEpoch(Path runDir) throws Exception {
    Path staging = RunDirectory.of(runDir).staging();
    StopSignal stop = StopSignal.manual();
    Thread watcher = new Thread(() -> {
      // Ask for a stop once the second epoch has ended, as Ctrl-C would.
      Path log = staging.resolve(RunFiles.LOG);
      try {
        while (!Files.exists(log) || !Files.readString(log).contains("epoch 2 ")) {
          Thread.sleep(2);
        }
      } catch (Exception e) {
        return;
      }
      stop.request();
    });
    watcher.start();
    assertThatThrownBy(() -> runner(stop).run(experiment, runDir, RunMode.NEW))
        .isInstanceOf(RunStoppedException.class).hasCauseInstanceOf(TrainingStoppedException.class);
    watcher.join();
    // The unfinished run waits beside the run directory, which does not exist until the run is complete.
    assertThat(staging.resolve("checkpoint")).isDirectory();
    assertThat(runDir).doesNotExist();
    return staging;
  }

  private static ExperimentRunner runner(StopSignal stop) {
    return new ExperimentRunner(new PrintWriter(new StringWriter()), true, stop);
  }
}
