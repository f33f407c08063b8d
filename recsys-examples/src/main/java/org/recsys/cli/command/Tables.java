package org.recsys.cli.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.recsys.api.MetricSummary;
import org.recsys.cli.report.RunRecord;

/** Plain-text tables for the terminal. */
public final class Tables {
  private Tables() {}

  /** One run's metrics with CIs. */
  static String metrics(RunRecord r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.model()).append(" — ").append(r.protocolLine()).append(", ").append(r.cases()).append(" cases\n");
    r.metrics().forEach((k, s) -> sb.append(String.format(Locale.ROOT, "  %-14s %s%n", k, cell(s))));
    return sb.toString();
  }

  /** Runs side by side: one row per run, one column per metric in {@code keys} (all shared keys if null). */
  static String comparison(List<RunRecord> runs, List<String> keys) {
    Set<String> cols = new LinkedHashSet<>();
    if (keys != null) {
      cols.addAll(keys);
    } else {
      runs.forEach(r -> cols.addAll(r.metrics().keySet()));
    }
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("run", "model"));
    header.addAll(cols);
    rows.add(header.toArray(String[]::new));
    for (RunRecord r : runs) {
      List<String> row = new ArrayList<>(List.of(r.name(), r.model()));
      for (String c : cols) {
        MetricSummary s = r.metrics().get(c);
        row.add(s == null ? "-" : cell(s));
      }
      rows.add(row.toArray(String[]::new));
    }
    return render(rows);
  }

  static String cell(MetricSummary s) {
    return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", s.mean(), s.ciLow(), s.ciHigh());
  }

  /** Aligned columns, first row as header. */
  public static String render(List<String[]> rows) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] row : rows) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < cols; c++) {
        sb.append(c == 0 ? "" : "  ").append(String.format("%-" + width[c] + "s", rows.get(r)[c]));
      }
      sb.append('\n');
      if (r == 0) {
        for (int c = 0; c < cols; c++) {
          sb.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }
}
