package org.recsys.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recsys.api.EvalCase;
import org.recsys.api.EvaluationReport;
import org.recsys.api.Recommender;
import org.recsys.eval.stats.ParallelTasks;

/** The part of an evaluation that every protocol shares: batching, threads, metrics and the report. */
final class RankingRun {
  private RankingRun() {}

  /**
   * Ranks all cases batch by batch on the settings' threads and builds the report.
   *
   * @param protocol the evaluator's own protocol entries; the settings' extras and the interval description
   *     are added after them
   */
  static EvaluationReport run(Recommender recommender, List<EvalCase> cases, EvalSettings settings,
      Map<String, String> protocol, BatchRanker ranker) {
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("no evaluation cases");
    }
    MetricSuite suite = settings.suite();
    int n = recommender.numItems();
    ItemPopularity popularity = settings.popularity();
    if (suite.metrics().stream().anyMatch(Metric::needsPopularity) && popularity.numItems() < n) {
      throw new IllegalArgumentException("item popularity covers items 1.." + popularity.numItems()
          + " but the recommender scores items 1.." + n);
    }
    CaseRanks out = new CaseRanks(cases.size(), suite.needsTopItems());
    int batchSize = settings.batchSize();
    int batches = (cases.size() + batchSize - 1) / batchSize;
    ParallelTasks.run(batches, settings.threads(), b -> {
      int from = b * batchSize;
      List<EvalCase> batch = cases.subList(from, Math.min(cases.size(), from + batchSize));
      ranker.rank(recommender, batch, from, out);
    });
    Map<String, String> fullProtocol = new LinkedHashMap<>(protocol);
    fullProtocol.put("ties", "pessimistic");
    fullProtocol.put("ci", settings.bootstrap().describe());
    fullProtocol.putAll(settings.protocolExtras());
    List<RankedCase> ranked = RankedCase.all(out.ranks, out.targets, out.topItems, popularity);
    Map<String, double[]> perCase = suite.perCaseValues(ranked);
    Map<String, Double> catalog = suite.catalogValues(ranked, n);
    return suite.report(fullProtocol, perCase, catalog, settings.bootstrap(), cases.size());
  }

  /** Checks that a score matrix has one row per case of the expected length. */
  static void checkRows(float[][] rows, List<EvalCase> batch, int[] expectedLengths, Recommender recommender,
      String method) {
    if (rows == null || rows.length != batch.size()) {
      throw new IllegalStateException(recommender.getClass().getName() + "." + method + " returned "
          + (rows == null ? "null" : rows.length + " rows") + " for " + batch.size() + " histories");
    }
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] == null || rows[i].length != expectedLengths[i]) {
        throw new IllegalStateException(recommender.getClass().getName() + "." + method + " returned a row of "
            + (rows[i] == null ? "null" : rows[i].length + " scores") + " for user " + batch.get(i).user()
            + ", expected " + expectedLengths[i]);
      }
    }
  }
}
