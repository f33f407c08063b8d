package org.recsys.cli.command;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.recsys.api.TrainingStoppedException;
import org.recsys.cli.ExitCodes;
import org.recsys.cli.experiment.Experiment;
import org.recsys.cli.experiment.ExperimentRunner;
import org.recsys.cli.progress.StopSignal;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.report.RunRecord;
import org.recsys.cli.wiring.ComponentModules;
import org.recsys.cli.wiring.Registries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recsys run}: one experiment from a config into a run directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run one experiment from a config into a run directory.",
        "Loads data, preprocesses, splits, trains (early-stopped on validation), evaluates, and writes the run",
        "directory: config.resolved.yaml, metrics.json, per-case.tsv, report.md, report.html, model/, train.log."})
public final class RunCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Run directory (default: runs/<model>-<timestamp>).")
  Path out;

  @Option(names = "--resume", description = "Continue training from the run directory's checkpoint (needs --out).")
  boolean resume;

  @Override
  public Integer call() throws Exception {
    if (resume && out == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--resume needs --out DIR of the run to resume");
    }
    Registries registry = ComponentModules.injector().getInstance(Registries.class);
    Experiment experiment = Experiment.bind(config.resolve(List.of()), registry);
    Path runDir = out != null ? out : Path.of("runs", experiment.model().name() + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    var stdout = spec.commandLine().getOut();
    try (StopSignal stop = StopSignal.install()) {
      RunRecord record;
      try {
        record = new ExperimentRunner(stdout, common.quiet(), stop).run(experiment, runDir, resume);
      } catch (TrainingStoppedException e) {
        stdout.println("stopped during epoch " + e.epoch() + "; the checkpoint is in " + runDir.resolve("checkpoint")
            + ". Continue with: recsys run --config " + runDir.resolve(RunFiles.CONFIG) + " --out " + runDir + " --resume");
        stdout.flush();
        return ExitCodes.RUNTIME_ERROR;
      }
      if (!common.quiet()) {
        stdout.println();
        stdout.print(Tables.metrics(record));
        stdout.println("\nrun directory: " + runDir + " (" + RunFiles.REPORT_HTML + ", " + RunFiles.METRICS + ", "
            + RunFiles.MODEL_DIR + "/)");
        stdout.flush();
      }
    }
    return 0;
  }
}
