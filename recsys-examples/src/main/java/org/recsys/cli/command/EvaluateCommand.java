package org.recsys.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.recsys.api.EvaluationReport;
import org.recsys.api.NonFiniteScoreException;
import org.recsys.api.TrainedModel;
import org.recsys.cli.UsageException;
import org.recsys.cli.experiment.Experiment;
import org.recsys.cli.experiment.ExperimentRunner;
import org.recsys.cli.experiment.RunMode;
import org.recsys.cli.experiment.SavedModels;
import org.recsys.cli.progress.StopSignal;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.report.RunRecord;
import org.recsys.cli.wiring.ComponentModules;
import org.recsys.cli.wiring.Registries;
import org.recsys.eval.MarkdownTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recsys evaluate}: re-evaluates a saved model under a config's data and protocol. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Re-evaluate a saved model.",
        "Evaluates a saved model on the test split of a config's data, under its evaluation protocol.",
        "Without --config, a run directory's own config.resolved.yaml is used. With --out, the result is also",
        "written as a run directory (config, metrics, per-case values, reports; no model) that compare reads."})
public final class EvaluateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "DIR", description = "A model or run directory.")
  Path model;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Also write the evaluation as a run directory here, for recsys compare.")
  Path out;

  @Option(names = "--overwrite", description = "Replace a finished run directory at --out.")
  boolean overwrite;

  @Override
  public Integer call() throws Exception {
    Registries registry = ComponentModules.injector().getInstance(Registries.class);
    Path modelDir = SavedModels.resolveModelDir(model);
    Path runDir = modelDir.toAbsolutePath().getParent();
    ConfigOptions effective = config;
    if (config.file() == null) {
      if (!Files.isRegularFile(runDir.resolve(RunFiles.CONFIG))) {
        // The built-in defaults would evaluate on synthetic data and report a puzzling vocabulary mismatch.
        throw new UsageException(modelDir + " has no " + RunFiles.CONFIG + " beside it (it is not the model of a"
            + " run directory); pass --config with the data and preprocessing it was trained on");
      }
      RunFiles.requireFinished(runDir);
      effective = new ConfigOptions();
      effective.config = runDir.resolve(RunFiles.CONFIG);
      effective.overrides = config.overrides;
    }
    Experiment experiment = Experiment.bind(effective.resolve(), registry);
    TrainedModel m = SavedModels.load(modelDir, registry.models());
    try (StopSignal stop = StopSignal.manual()) {
      ExperimentRunner runner = new ExperimentRunner(spec.commandLine().getOut(), true, stop);
      EvaluationReport report;
      try {
        ExperimentRunner.PreparedData data = runner.prepare(experiment);
        if (out == null) {
          report = runner.evaluate(experiment, data, m, runDir);
        } else {
          RunRecord trained = Files.isRegularFile(runDir.resolve(RunFiles.METRICS)) ? RunFiles.readRecord(runDir) : null;
          RunRecord record = runner.evaluateInto(experiment, data, m, runDir, trained, out,
              overwrite ? RunMode.OVERWRITE : RunMode.NEW);
          report = record.asReport(Map.of());
        }
      } catch (NonFiniteScoreException e) {
        throw new NonFiniteScoreException(modelDir + ": " + e.getMessage());
      }
      var stdout = spec.commandLine().getOut();
      stdout.print(MarkdownTables.report(report));
      if (out != null) {
        stdout.printf("%nrun directory: %s (report.html, metrics.json, per-case.tsv)%n", out);
      }
      stdout.flush();
    }
    return 0;
  }
}
