package org.recsys.attention.train;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;

/** The provenance a trained sequence model records in its model file: versions, seed, run and data sizes. */
public final class TrainingProvenance {
  private TrainingProvenance() {}

  /**
   * The provenance of one training run, in a fixed key order.
   *
   * @param metric the validation metric key; its best value is recorded when validation ran
   */
  public static Map<String, Object> of(TrainingOutcome outcome, String metric, TrainingData data,
      TrainingContext context) {
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("nd4jVersion", Versions.nd4j());
    provenance.put("java", System.getProperty("java.version"));
    provenance.put("seed", context.seed());
    provenance.put("epochsRun", outcome.epochsRun());
    provenance.put("bestEpoch", outcome.bestEpoch());
    provenance.put("stoppedEarly", outcome.stoppedEarly());
    if (!Double.isNaN(outcome.bestMetric())) {
      provenance.put("validation." + metric, outcome.bestMetric());
    }
    provenance.put("trainUsers", data.train().users().size());
    provenance.put("trainInteractions", data.train().numInteractions());
    provenance.put("trainedAt", Instant.now().toString());
    return provenance;
  }
}
