package org.recsys.cli.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.recsys.cli.UsageException;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.report.RunRecord;
import org.recsys.data.DataConfig;

/**
 * Runs several experiments into sibling run directories, loading each distinct data config once. A finished run
 * is read back instead of run again only when it was made from the same resolved config and data; an
 * interrupted batch thus resumes where it stopped, and a batch run again with another config or data is refused
 * (or, with overwrite, runs the stale points again).
 */
public final class BatchRunner {
  private final ExperimentRunner runner;
  private final boolean overwrite;
  private final Map<DataConfig, ExperimentRunner.PreparedData> prepared = new HashMap<>();
  private final Map<DataConfig, String> checksums = new HashMap<>();

  /**
   * @param overwrite run a point again when its finished run was made from another config or data, instead of
   *     refusing the batch
   */
  public BatchRunner(ExperimentRunner runner, boolean overwrite) {
    this.runner = runner;
    this.overwrite = overwrite;
  }

  /** One named experiment of a batch. */
  public record NamedExperiment(String name, Experiment experiment) {}

  /** The outcome of one run of a batch. */
  public record Outcome(String name, Path dir, RunRecord record, boolean reused) {}

  /** What to do with one point of the batch, decided before anything runs. */
  private record Plan(NamedExperiment experiment, Path dir, RunMode mode, String note) {}

  /**
   * Runs {@code experiments} into {@code outDir/<name>}.
   *
   * @param progress called with each outcome as soon as it is known
   * @param notes called with each point that is run again, and why
   * @throws UsageException naming every finished run that differs from its point, unless overwrite was asked for
   */
  public List<Outcome> run(List<NamedExperiment> experiments, Path outDir, Consumer<Outcome> progress,
      Consumer<String> notes) throws IOException {
    List<Plan> plans = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    for (NamedExperiment e : experiments) {
      Path dir = outDir.resolve(e.name());
      RunDirectory runDir = RunDirectory.of(dir);
      runDir.recover();
      if (runDir.finished()) {
        Optional<String> d = difference(runDir.target(), e.experiment());
        if (d.isEmpty()) {
          plans.add(new Plan(e, dir, null, null));
        } else {
          stale.add(e.name() + ": " + d.get());
          plans.add(new Plan(e, dir, RunMode.OVERWRITE, "running " + e.name() + " again: " + d.get()));
        }
      } else if (runDir.interrupted()) {
        // An interrupted point continues from its checkpoint when it is this point's run, else starts again.
        Optional<String> d = difference(runDir.staging(), e.experiment());
        plans.add(d.isEmpty() ? new Plan(e, dir, RunMode.RESUME, "continuing the unfinished run " + e.name())
            : new Plan(e, dir, RunMode.OVERWRITE, "starting " + e.name() + " again: its unfinished run differs ("
                + d.get() + ")"));
      } else {
        plans.add(new Plan(e, dir, RunMode.NEW, null));
      }
    }
    if (!stale.isEmpty() && !overwrite) {
      throw new UsageException(stale.size() + " finished run(s) in " + outDir + " were made with another config or"
          + " data than they would be now (" + String.join("; ", stale) + "); choose another --out, or pass"
          + " --overwrite to run them again");
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Plan p : plans) {
      Outcome o;
      if (p.mode() == null) {
        o = new Outcome(p.experiment().name(), p.dir(), RunFiles.readRecord(p.dir()), true);
      } else {
        if (p.note() != null) {
          notes.accept(p.note());
        }
        Experiment e = p.experiment().experiment();
        ExperimentRunner.PreparedData data = prepared.get(e.data());
        if (data == null) {
          data = runner.prepare(e);
          prepared.put(e.data(), data);
        }
        o = new Outcome(p.experiment().name(), p.dir(), runner.run(e, data, p.dir(), p.mode()), false);
      }
      outcomes.add(o);
      progress.accept(o);
    }
    return outcomes;
  }

  private Optional<String> difference(Path dir, Experiment e) throws IOException {
    String checksum = checksums.get(e.data());
    if (checksum == null) {
      checksum = ExperimentRunner.dataChecksum(e.data());
      checksums.put(e.data(), checksum);
    }
    Optional<RunIdentity> there = RunIdentity.read(dir);
    if (there.isEmpty()) {
      return Optional.of("it has no " + RunFiles.CONFIG);
    }
    return there.get().difference(RunIdentity.of(e, checksum), Set.of());
  }
}
