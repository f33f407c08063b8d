package org.recsys.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ChecksumList;
import org.recsys.cli.config.ConfigLayers;
import org.recsys.cli.progress.StopSignal;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.report.RunRecord;
import org.recsys.cli.wiring.ComponentModules;
import org.recsys.cli.wiring.ModelRegistry;

/** What --resume says and records, with the instant test model. */
class ResumeBookkeepingTest {
  @TempDir Path dir;

  private final ModelRegistry registry = ComponentModules.injector().getInstance(ModelRegistry.class);
  private final Experiment experiment = Experiment.bind(ConfigLayers.withDefaults().overrides(List.of(
      "data.synthetic={users: 120, items: 60, clusters: 6, styles: 2, successors: 3, minLength: 8, maxLength: 20}",
      "model={type: test-recency, decay: 0.5}", "evaluation.bootstrapResamples=50")).resolve(), registry);
  private final StringWriter printed = new StringWriter();

  private ExperimentRunner runner(StopSignal stop) {
    return new ExperimentRunner(new PrintWriter(printed, true), true, stop);
  }

  @Test
  void aStopAfterTrainingKeepsTheUnfinishedRunAndResumeCompletesItWithItsEarlierTrainingTime() throws Exception {
    Path runDir = dir.resolve("r");
    StopSignal stop = StopSignal.manual();
    stop.request(); // as Ctrl-C while the (instant) training ran
    assertThatThrownBy(() -> runner(stop).run(experiment, runDir, RunMode.NEW))
        .isInstanceOf(RunStoppedException.class).hasMessageContaining("stopped after training");
    Path staging = RunDirectory.of(runDir).staging();
    assertThat(runDir).doesNotExist();
    assertThat(staging.resolve(RunFiles.CONFIG)).exists();
    // An earlier attempt that trained for 100 s, as run-state.json records it.
    RunState.read(staging).withTrainSeconds(100).write(staging);

    RunRecord record = runner(StopSignal.manual()).run(experiment, runDir, RunMode.RESUME);
    assertThat(printed.toString()).contains("holds no checkpoint").contains("training starts from the beginning");
    // Before, trainSeconds counted only the resumed attempt.
    assertThat(record.trainSeconds()).isGreaterThanOrEqualTo(100);
    assertThat(runDir.resolve(RunFiles.REPORT_HTML)).exists();
    ChecksumList.verify(runDir);
    assertThat(Files.exists(staging)).isFalse();
  }
}
