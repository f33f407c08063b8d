package org.recsys.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.recsys.cli.ExitCodes;
import org.recsys.api.AtomicFiles;
import org.recsys.api.MetricSummary;
import org.recsys.cli.UsageException;
import org.recsys.cli.experiment.BatchRunner;
import org.recsys.cli.experiment.Experiment;
import org.recsys.cli.experiment.ExperimentRunner;
import org.recsys.cli.experiment.RunStoppedException;
import org.recsys.cli.progress.StopSignal;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.wiring.ComponentModules;
import org.recsys.cli.wiring.Registries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recsys grid}: the cartesian product of parameter values, resumable, selected on validation. */
@Command(name = "grid", mixinStandardHelpOptions = true,
    description = {"Run the cartesian product of parameter values.",
        "Runs every combination of --grid values. Finished runs made from the same resolved config and data",
        "are kept when re-run with the same --out, so an interrupted grid resumes; finished runs made otherwise",
        "are refused unless --overwrite runs them again. Runs are ranked by the kept model's VALIDATION metric",
        "(never the test metric); the best run's config is written to best.yaml, the table to summary.md."})
public final class GridCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;

  @Option(names = "--grid", required = true, paramLabel = "KEY=V1,V2,...",
      description = "A config key and its values (repeatable), e.g. --grid model.hiddenSize=32,64.")
  List<String> grid;

  @Option(names = "--overwrite",
      description = "Run again the points whose finished run was made with another config or data.")
  boolean overwrite;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Grid directory (default: runs/grid-<timestamp>).")
  Path out;

  @Option(names = "--select", defaultValue = "NDCG@10",
      description = "Validation metric that ranks the runs (default: ${DEFAULT-VALUE}).")
  String select;

  @Override
  public Integer call() throws Exception {
    List<List<String>> axes = new ArrayList<>();
    for (String g : grid) {
      int eq = g.indexOf('=');
      if (eq <= 0 || eq == g.length() - 1) {
        throw new UsageException("--grid expects KEY=V1,V2,..., got '" + g + "'");
      }
      String key = g.substring(0, eq);
      List<String> assignments = new ArrayList<>();
      for (String v : g.substring(eq + 1).split(",")) {
        assignments.add(key + "=" + v.trim());
      }
      axes.add(assignments);
    }
    List<List<String>> combos = new ArrayList<>();
    combos.add(List.of());
    for (List<String> axis : axes) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> c : combos) {
        for (String a : axis) {
          List<String> n = new ArrayList<>(c);
          n.add(a);
          next.add(n);
        }
      }
      combos = next;
    }
    Registries registry = ComponentModules.injector().getInstance(Registries.class);
    List<BatchRunner.NamedExperiment> experiments = new ArrayList<>();
    for (List<String> combo : combos) {
      // Bind every combination before running any, so a bad value fails fast.
      experiments.add(new BatchRunner.NamedExperiment(runName(combo), Experiment.bind(config.resolve(combo, "--grid"),
          registry)));
    }
    Path dir = out != null ? out
        : Path.of("runs", "grid-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    var stdout = spec.commandLine().getOut();
    List<BatchRunner.Outcome> outcomes;
    try (StopSignal stop = StopSignal.install()) {
      try {
        BatchRunner batch = new BatchRunner(new ExperimentRunner(stdout, common.quiet(), stop), overwrite);
        outcomes = batch.run(experiments, dir, o -> {
          if (!common.quiet()) {
            stdout.println((o.reused() ? "kept finished run " : "finished run ") + o.name());
            stdout.flush();
          }
        }, note -> {
          stdout.println(note);
          stdout.flush();
        });
      } catch (RunStoppedException e) {
        // Printed here, before the stop signal lets the JVM exit.
        stdout.println(e.getMessage() + ". Run the same grid command again to continue: finished runs are kept");
        stdout.flush();
        return ExitCodes.RUNTIME_ERROR;
      }
    }
    List<BatchRunner.Outcome> ranked = new ArrayList<>(outcomes);
    // Runs without the validation metric sort last.
    ranked.sort(Comparator.comparingDouble((BatchRunner.Outcome o) -> {
      double v = validation(o);
      return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }).reversed());
    StringBuilder md = new StringBuilder("| run | validation " + select + " | test " + select + " |\n|---|---:|---:|\n");
    for (BatchRunner.Outcome o : ranked) {
      MetricSummary test = o.record().metrics().get(select);
      md.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", o.name(), fmt(validation(o)),
          test == null ? "-" : fmt(test.mean())));
    }
    AtomicFiles.writeString(dir.resolve("summary.md"), md.toString());
    BatchRunner.Outcome best = ranked.get(0);
    if (Double.isNaN(validation(best))) {
      throw new UsageException("no run has a validation " + select + " to select on; pass --select with a metric the"
          + " evaluation computes");
    }
    Path bestConfig = dir.resolve("best.yaml");
    Path tmp = Files.createTempFile(dir, ".best", ".yaml");
    Files.copy(best.dir().resolve(RunFiles.CONFIG), tmp, StandardCopyOption.REPLACE_EXISTING);
    Files.move(tmp, bestConfig, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    stdout.print(md);
    stdout.println("best: " + best.name() + " (config: " + bestConfig + ")");
    stdout.flush();
    return 0;
  }

  private double validation(BatchRunner.Outcome o) {
    MetricSummary s = o.record().validation().get(select);
    return s == null ? Double.NaN : s.mean();
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }

  /** A stable directory name for one combination, e.g. {@code hiddenSize=32_dropout=0.2}. */
  static String runName(List<String> combo) {
    if (combo.isEmpty()) {
      return "base";
    }
    List<String> parts = new ArrayList<>();
    for (String a : combo) {
      String key = a.substring(0, a.indexOf('='));
      String leaf = key.substring(key.lastIndexOf('.') + 1);
      parts.add(leaf + "=" + a.substring(a.indexOf('=') + 1));
    }
    return String.join("_", parts).replaceAll("[^A-Za-z0-9._=@-]", "-");
  }
}
