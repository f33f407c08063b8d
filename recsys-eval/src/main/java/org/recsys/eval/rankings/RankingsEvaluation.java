package org.recsys.eval.rankings;

import java.util.List;
import java.util.Map;
import org.recsys.api.EvaluationReport;
import org.recsys.api.MetricSummary;
import org.recsys.eval.MarkdownTables;

/**
 * The metrics of a rankings file against a truth file.
 *
 * @param report the metrics under protocol {@code rankings-file}, one case per truth user, with per-case values
 * @param users the truth users in truth-file order: case {@code i} of the report is {@code users.get(i)}
 * @param missingUsers truth users without a ranking, counted as misses (every metric 0)
 * @param unjudgedUsers ranked users absent from the truth file, ignored
 */
public record RankingsEvaluation(EvaluationReport report, List<String> users, int missingUsers, int unjudgedUsers) {
  public RankingsEvaluation {
    users = List.copyOf(users);
  }

  /** Metric key ({@code Accuracy}, {@code HR@k}, ..., {@code MAP@k}) to its mean over truth users and interval. */
  public Map<String, MetricSummary> metrics() {
    return report.metrics();
  }

  /** The number of truth users, each one case. */
  public int truthUsers() {
    return users.size();
  }

  /** A Markdown rendering: the counts, the protocol and the metric table. */
  public String toMarkdown() {
    return "Users in truth: " + truthUsers() + "; without a ranking (counted as misses): " + missingUsers
        + "; ranked but not in truth (ignored): " + unjudgedUsers + "\n\n" + MarkdownTables.report(report);
  }
}
