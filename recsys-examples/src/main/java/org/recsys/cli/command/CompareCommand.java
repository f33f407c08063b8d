package org.recsys.cli.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.recsys.api.ChecksumList;
import org.recsys.api.EvaluationReport;
import org.recsys.cli.UsageException;
import org.recsys.cli.report.RunComparison;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.report.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recsys compare}: runs side by side, with paired significance tests against the first run. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compare runs, with paired significance tests against the first.",
        "Prints a table of the runs' metrics with 95%% CIs, and paired tests (difference, its CI, t-test and",
        "permutation p-values) of each run against the first. Runs must share their test cases and protocol.",
        "With --out DIR, also writes DIR/comparison.md and DIR/comparison.html (charts with CIs, the paired",
        "tests, each run's protocol stamp and links to the runs' report.html)."})
public final class CompareCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(arity = "2..*", paramLabel = "RUN_DIR", description = "Run directories; the first is the baseline.")
  List<Path> runs;

  @Option(names = "--metric", split = ",", defaultValue = "HR@10,NDCG@10",
      description = "Metrics to test (default: ${DEFAULT-VALUE}).")
  List<String> metrics;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the bootstrap and permutations.")
  long seed;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Also write comparison.md and comparison.html into this directory (created if missing).")
  Path out;

  @Override
  public Integer call() throws IOException {
    List<RunRecord> records = new ArrayList<>();
    List<EvaluationReport> reports = new ArrayList<>();
    List<List<String>> users = new ArrayList<>();
    for (Path dir : runs) {
      RunRecord r = RunFiles.readRecord(dir);
      RunFiles.PerCase perCase = RunFiles.readPerCase(dir);
      records.add(r);
      reports.add(r.asReport(perCase.values()));
      users.add(perCase.users());
    }
    for (String m : metrics) {
      for (int i = 0; i < records.size(); i++) {
        if (!records.get(i).metrics().containsKey(m)) {
          throw new UsageException("--metric " + m + ": run " + runs.get(i) + " has no such metric; it has "
              + records.get(i).metrics().keySet());
        }
      }
    }
    if (out != null && ChecksumList.exists(out)) {
      // A finished run's directory holds exactly what its checksum list names.
      throw new UsageException("--out " + out + " is a run directory; write the comparison elsewhere");
    }
    RunComparison comparison = new RunComparison(records, reports, users, seed);
    String markdown = out == null ? comparison.render(metrics) : comparison.write(out, runs, metrics);
    var stdout = spec.commandLine().getOut();
    stdout.print(markdown);
    if (out != null && !common.quiet()) {
      stdout.printf("%nwrote %s and %s%n", out.resolve(RunComparison.MARKDOWN), out.resolve(RunComparison.HTML));
    }
    stdout.flush();
    return 0;
  }
}
