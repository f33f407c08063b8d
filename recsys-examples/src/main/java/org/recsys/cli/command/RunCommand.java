package org.recsys.cli.command;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.recsys.cli.ExitCodes;
import org.recsys.cli.experiment.Experiment;
import org.recsys.cli.UsageException;
import org.recsys.cli.experiment.ExperimentRunner;
import org.recsys.cli.experiment.RunStoppedException;
import org.recsys.cli.experiment.RunMode;
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
        "directory: config.resolved.yaml, metrics.json, per-case.tsv, report.md, report.html, model/, train.log.",
        "The run is built in a hidden sibling (.DIR.partial) and renamed into place when complete; a finished",
        "run in DIR is refused unless --overwrite (replace it) or --resume (continue its training) is given."})
public final class RunCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Run directory (default: runs/<model>-<timestamp>).")
  Path out;

  @Option(names = "--resume", description = "Continue training from the run directory's checkpoint (needs --out).")
  boolean resume;

  @Option(names = "--overwrite",
      description = "Replace the finished run in --out (it stays until the new run is complete).")
  boolean overwrite;

  @Override
  public Integer call() throws Exception {
    if (resume && out == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--resume needs --out DIR of the run to resume");
    }
    if (resume && overwrite) {
      throw new UsageException("--resume continues a run and --overwrite replaces it: pass one of them");
    }
    Registries registry = ComponentModules.injector().getInstance(Registries.class);
    Experiment experiment = Experiment.bind(config.resolve(), registry);
    Path runDir = out != null ? out : Path.of("runs", experiment.model().name() + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    var stdout = spec.commandLine().getOut();
    try (StopSignal stop = StopSignal.install()) {
      RunRecord record;
      try {
        RunMode mode = resume ? RunMode.RESUME : overwrite ? RunMode.OVERWRITE : RunMode.NEW;
        record = new ExperimentRunner(stdout, common.quiet(), stop).run(experiment, runDir, mode);
      } catch (RunStoppedException e) {
        // Printed here, before the stop signal lets the JVM exit.
        stdout.println(e.getMessage() + ". Continue with: recsys run --config " + e.staging().resolve(RunFiles.CONFIG)
            + " --out " + runDir + " --resume");
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
