package org.recsys.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.recsys.cli.ExitCodes;
import org.recsys.api.ConfigException;
import org.recsys.api.EvaluationReport;
import org.recsys.cli.config.ConfigLayers;
import org.recsys.cli.config.ResolvedConfig;
import org.recsys.cli.experiment.BatchRunner;
import org.recsys.cli.experiment.Experiment;
import org.recsys.cli.experiment.ExperimentRunner;
import org.recsys.cli.experiment.RunStoppedException;
import org.recsys.cli.progress.StopSignal;
import org.recsys.cli.report.RunComparison;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.report.RunRecord;
import org.recsys.cli.wiring.ComponentModules;
import org.recsys.cli.wiring.Registries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recsys quickstart}: every model on the built-in synthetic data with small settings, one protocol,
 * and a comparison table with confidence intervals and paired tests against the first model.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
    description = {"Train every model on built-in synthetic data and compare them.",
        "Trains each model of a plan on the built-in synthetic data (no download) with small settings, evaluates",
        "them under one protocol and prints a comparison with 95%% CIs and paired tests against the first model;",
        "comparison.md and comparison.html (charts, paired tests, links to each run's report) go beside the runs.",
        "The built-in plan is configs/quickstart.yaml: a config whose 'models' list names each model."})
public final class QuickstartCommand implements Callable<Integer> {
  static final String RESOURCE = "/org/recsys/cli/quickstart.yaml";

  @Mixin CommonOptions common;
  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Option(names = "--overwrite",
      description = "Run again the points whose finished run was made with another config or data.")
  boolean overwrite;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Where the runs go (default: runs/quickstart-<timestamp>).")
  Path out;

  @Override
  public Integer call() throws Exception {
    ConfigLayers layers = ConfigLayers.withDefaults();
    if (config.file() != null) {
      layers.file(config.file());
    } else {
      layers.text(builtInPlan(), "built-in quickstart.yaml");
    }
    ResolvedConfig plan = layers.overrides(config.overrides).resolve();
    List<BatchRunner.NamedExperiment> experiments = experiments(plan,
        ComponentModules.injector().getInstance(Registries.class));
    Path dir = out != null ? out
        : Path.of("runs", "quickstart-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    var stdout = spec.commandLine().getOut();
    List<BatchRunner.Outcome> outcomes;
    long t0 = System.nanoTime();
    try (StopSignal stop = StopSignal.install()) {
      try {
        outcomes = new BatchRunner(new ExperimentRunner(stdout, common.quiet(), stop), overwrite).run(experiments, dir,
            o -> {
              if (!common.quiet()) {
                stdout.printf("%s done (training %.1f s)%n", o.name(), o.record().trainSeconds());
                stdout.flush();
              }
            }, note -> {
              stdout.println(note);
              stdout.flush();
            });
      } catch (RunStoppedException e) {
        // Printed here, before the stop signal lets the JVM exit.
        stdout.println(e.getMessage() + ". Run the same quickstart command again to continue: finished runs are kept");
        stdout.flush();
        return ExitCodes.RUNTIME_ERROR;
      }
    }
    List<RunRecord> records = new ArrayList<>();
    List<EvaluationReport> reports = new ArrayList<>();
    List<List<String>> users = new ArrayList<>();
    List<Path> runDirs = new ArrayList<>();
    for (BatchRunner.Outcome o : outcomes) {
      RunFiles.PerCase perCase = RunFiles.readPerCase(o.dir());
      records.add(o.record());
      reports.add(o.record().asReport(perCase.values()));
      users.add(perCase.users());
      runDirs.add(o.dir());
    }
    List<String> keys = records.get(0).metrics().keySet().stream().filter(k -> k.equals("HR@10") || k.equals("NDCG@10"))
        .toList();
    String comparison = new RunComparison(records, reports, users, plan.at("seed").asLong(42))
        .write(dir, runDirs, keys.isEmpty() ? new ArrayList<>(records.get(0).metrics().keySet()) : keys);
    stdout.println();
    stdout.print(comparison);
    double wall = ProcessHandle.current().info().startInstant()
        .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis() / 1e3)
        .orElse((System.nanoTime() - t0) / 1e9);
    stdout.printf("%nruns and reports: %s (wall time %.0f s)%n", dir, wall);
    stdout.flush();
    return 0;
  }

  /** One experiment per entry of the plan's {@code models} list, named {@code <index>-<type>}. */
  static List<BatchRunner.NamedExperiment> experiments(ResolvedConfig plan, Registries registry) {
    JsonNode models = plan.at("models");
    if (!models.isArray() || models.isEmpty()) {
      throw new ConfigException("models", "a quickstart plan needs a non-empty 'models' list (in "
          + plan.originOf("models") + ")");
    }
    List<BatchRunner.NamedExperiment> out = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      ObjectNode tree = plan.tree();
      tree.remove("models");
      tree.set("model", models.get(i));
      Map<String, String> origins = new HashMap<>(plan.origins());
      origins.keySet().removeIf(k -> k.equals("model") || k.startsWith("model."));
      // The entry binds as 'model', but errors must name it as the plan does, and where the list came from.
      origins.put("model", plan.originOf("models"));
      ResolvedConfig one = new ResolvedConfig(tree, origins, Map.of("model", "models[" + i + "]"));
      Experiment e = Experiment.bind(one, registry);
      out.add(new BatchRunner.NamedExperiment(String.format("%d-%s", i + 1, e.model().name()), e));
    }
    return out;
  }

  /** The built-in plan's text (the same as {@code configs/quickstart.yaml}). */
  static String builtInPlan() throws IOException {
    try (InputStream in = QuickstartCommand.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
