package org.recsys.cli.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recsys.api.EpochResult;
import org.recsys.api.MetricSummary;

/**
 * Everything {@code metrics.json} holds about one run: protocol-stamped test metrics with confidence
 * intervals, the training history, the data summary and the provenance.
 *
 * @param name the run's name (its directory name)
 * @param model the model type
 * @param protocol how the test metrics were obtained (e.g. protocol=full, excludeSeen=true, split=leave-one-out)
 * @param cases the number of test cases
 * @param metrics test metric key to mean and 95% bootstrap CI
 * @param validation the kept model's metrics on the validation cases (empty without validation); grids
 *     select on these, never on test metrics
 * @param epochs the training history, one entry per epoch
 * @param bestEpoch the epoch whose weights were kept (0 when the model has no epochs)
 * @param trainSeconds wall-clock training time
 * @param evalSeconds wall-clock test evaluation time
 * @param data data set and split summary (counts, preprocessing, warnings)
 * @param provenance versions, commit, data checksum, seed
 */
public record RunRecord(String name, String model, Map<String, String> protocol, int cases,
    Map<String, MetricSummary> metrics, Map<String, MetricSummary> validation, List<EpochResult> epochs, int bestEpoch, double trainSeconds,
    double evalSeconds, Map<String, Object> data, Provenance provenance) {
  public RunRecord {
    protocol = new LinkedHashMap<>(protocol);
    metrics = new LinkedHashMap<>(metrics);
    validation = validation == null ? Map.of() : new LinkedHashMap<>(validation);
    epochs = List.copyOf(epochs);
    data = new LinkedHashMap<>(data);
  }

  /** The test metrics as an evaluation report, with the given per-case values (may be empty). */
  public org.recsys.api.EvaluationReport asReport(Map<String, double[]> perCase) {
    return new org.recsys.api.EvaluationReport(protocol, metrics, perCase, cases);
  }

  /** The protocol in one line, e.g. {@code protocol=full, excludeSeen=true}. */
  public String protocolLine() {
    StringBuilder sb = new StringBuilder();
    protocol.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return sb.toString();
  }
}
