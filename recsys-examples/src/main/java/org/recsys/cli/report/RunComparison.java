package org.recsys.cli.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.recsys.api.AtomicFiles;
import org.recsys.api.EvaluationReport;
import org.recsys.api.MetricSummary;
import org.recsys.eval.MarkdownTables;
import org.recsys.eval.stats.PairedComparison;
import org.recsys.eval.stats.PairedTest;

/**
 * Several runs on the same test cases side by side, with paired tests of each run against the first.
 *
 * @param records the runs, baseline first
 * @param reports their test reports with per-case values, in the same order
 * @param users the case users of each run, in case order (must agree for paired tests)
 * @param seed seed of the bootstrap and permutation tests
 */
public record RunComparison(List<RunRecord> records, List<EvaluationReport> reports, List<List<String>> users,
    long seed) {
  /** The Markdown comparison's file name. */
  public static final String MARKDOWN = "comparison.md";
  /** The HTML comparison's file name. */
  public static final String HTML = "comparison.html";

  /**
   * @throws IllegalArgumentException when the runs' protocol stamps differ (naming each field that differs, with
   *     both values) or their test cases do
   */
  public RunComparison {
    if (records.size() != reports.size() || records.size() != users.size() || records.isEmpty()) {
      throw new IllegalArgumentException("one report and user list per run is needed");
    }
    for (int i = 1; i < records.size(); i++) {
      RunRecord first = records.get(0);
      RunRecord other = records.get(i);
      List<String> differences = stampDifferences(first, other);
      if (!differences.isEmpty()) {
        throw new IllegalArgumentException("runs " + first.name() + " and " + other.name() + " differ in their"
            + " protocol stamps: " + String.join("; ", differences) + "; only runs under the same protocol can be"
            + " compared");
      }
      if (users.get(i).size() != users.get(0).size()) {
        throw new IllegalArgumentException("runs " + first.name() + " and " + other.name() + " were evaluated on "
            + users.get(0).size() + " and " + users.get(i).size() + " test cases; paired tests need the same cases");
      }
      if (!users.get(i).equals(users.get(0))) {
        throw new IllegalArgumentException("runs " + first.name() + " and " + other.name()
            + " were evaluated on different test cases; paired tests need the same cases in the same order");
      }
    }
  }

  /** Each field of the stamps that differs, as {@code 'key' is 'a' in A but 'b' in B}. */
  private static List<String> stampDifferences(RunRecord first, RunRecord other) {
    Set<String> keys = new LinkedHashSet<>(first.protocol().keySet());
    keys.addAll(other.protocol().keySet());
    List<String> differences = new ArrayList<>();
    for (String key : keys) {
      String a = first.protocol().get(key);
      String b = other.protocol().get(key);
      if (!Objects.equals(a, b)) {
        differences.add("'" + key + "' is " + quoted(a) + " in " + first.name() + " but " + quoted(b) + " in "
            + other.name());
      }
    }
    return differences;
  }

  private static String quoted(String value) {
    return value == null ? "absent" : "'" + value + "'";
  }

  /**
   * One run's paired tests against the first run.
   *
   * @param candidate the index of the run in {@link #records()}, at least 1
   * @param rows one comparison per metric, in the order asked for
   */
  public record Paired(int candidate, List<PairedComparison> rows) {
    public Paired {
      rows = List.copyOf(rows);
    }
  }

  /** The paired tests of each run after the first against the first, on {@code metrics}. */
  public List<Paired> pairedTests(List<String> metrics) {
    PairedTest test = PairedTest.withSeed(seed);
    List<Paired> paired = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<PairedComparison> rows = new ArrayList<>();
      for (String m : metrics) {
        rows.add(test.compare(reports.get(0), reports.get(i), m));
      }
      paired.add(new Paired(i, rows));
    }
    return paired;
  }

  /** Markdown: the metrics table, then one paired-test table per run after the first. */
  public String render(List<String> metrics) {
    return render(metrics, pairedTests(metrics));
  }

  /** Markdown with paired tests already made by {@link #pairedTests}. */
  public String render(List<String> metrics, List<Paired> paired) {
    StringBuilder sb = new StringBuilder();
    sb.append("Protocol: ").append(records.get(0).protocolLine()).append(", ").append(records.get(0).cases())
        .append(" cases\n\n| run | model |");
    metrics.forEach(m -> sb.append(' ').append(m).append(" |"));
    sb.append("\n|---|---|").append("---:|".repeat(metrics.size())).append('\n');
    for (RunRecord r : records) {
      sb.append("| ").append(r.name()).append(" | ").append(r.model()).append(" |");
      for (String m : metrics) {
        MetricSummary s = r.metrics().get(m);
        sb.append(s == null ? " - |" : String.format(Locale.ROOT, " %.4f [%.4f, %.4f] |", s.mean(), s.ciLow(), s.ciHigh()));
      }
      sb.append('\n');
    }
    for (Paired p : paired) {
      sb.append("\n").append(records.get(p.candidate()).name()).append(" vs ").append(records.get(0).name())
          .append(" (paired, difference = candidate - baseline):\n\n").append(MarkdownTables.comparisons(p.rows()));
    }
    return sb.toString();
  }

  /**
   * Writes {@value #MARKDOWN} and {@value #HTML} into {@code dir}, each atomically, with the paired tests made
   * once for both, and returns the Markdown.
   *
   * @param runDirs the runs' directories, in the order of {@link #records()}: the page links to their reports
   */
  public String write(Path dir, List<Path> runDirs, List<String> metrics) throws IOException {
    if (runDirs.size() != records.size()) {
      throw new IllegalArgumentException(runDirs.size() + " run directories for " + records.size() + " runs");
    }
    List<Paired> paired = pairedTests(metrics);
    String markdown = render(metrics, paired);
    String html = ComparisonPage.render(this, metrics, paired, dir, runDirs);
    AtomicFiles.writeString(dir.resolve(MARKDOWN), markdown);
    AtomicFiles.writeString(dir.resolve(HTML), html);
    return markdown;
  }
}
