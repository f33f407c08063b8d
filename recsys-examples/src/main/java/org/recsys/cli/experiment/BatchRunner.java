package org.recsys.cli.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.report.RunRecord;
import org.recsys.data.DataConfig;

/**
 * Runs several experiments into sibling run directories, loading each distinct data config once. Finished runs
 * are read back instead of run again, so an interrupted batch resumes where it stopped.
 */
public final class BatchRunner {
  private final ExperimentRunner runner;
  private final Map<DataConfig, ExperimentRunner.PreparedData> prepared = new HashMap<>();

  public BatchRunner(ExperimentRunner runner) {
    this.runner = runner;
  }

  /** One named experiment of a batch. */
  public record NamedExperiment(String name, Experiment experiment) {}

  /** The outcome of one run of a batch. */
  public record Outcome(String name, Path dir, RunRecord record, boolean reused) {}

  /**
   * Runs {@code experiments} into {@code outDir/<name>}.
   *
   * @param progress called with each outcome as soon as it is known
   */
  public List<Outcome> run(List<NamedExperiment> experiments, Path outDir, Consumer<Outcome> progress)
      throws IOException {
    List<Outcome> outcomes = new ArrayList<>();
    for (NamedExperiment e : experiments) {
      Path dir = outDir.resolve(e.name());
      RunDirectory runDir = RunDirectory.of(dir);
      runDir.recover();
      Outcome o;
      if (runDir.finished()) {
        o = new Outcome(e.name(), dir, RunFiles.readRecord(dir), true);
      } else {
        ExperimentRunner.PreparedData data = prepared.get(e.experiment().data());
        if (data == null) {
          data = runner.prepare(e.experiment());
          prepared.put(e.experiment().data(), data);
        }
        // An interrupted run of a batch starts again.
        RunMode mode = runDir.interrupted() ? RunMode.OVERWRITE : RunMode.NEW;
        o = new Outcome(e.name(), dir, runner.run(e.experiment(), data, dir, mode), false);
      }
      outcomes.add(o);
      progress.accept(o);
    }
    return outcomes;
  }
}
