package org.recsys.attention.lstm;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.recsys.api.TrainedModel;
import org.recsys.api.Trainer;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;
import org.recsys.attention.train.SequenceTrainer;
import org.recsys.attention.train.TrainerSettings;
import org.recsys.attention.train.TrainingOutcome;

/** Trains an {@link LstmAttentionModel} with the shared {@link SequenceTrainer}. */
public final class LstmAttentionTrainer implements Trainer {
  private final LstmAttentionParams params;

  public LstmAttentionTrainer(LstmAttentionParams params) {
    this.params = Objects.requireNonNull(params, "params");
  }

  /** The loop settings these parameters give. */
  public static TrainerSettings settings(LstmAttentionParams p) {
    return new TrainerSettings(p.epochs(), p.batchSize(), p.maxLen(), p.validateEvery(), p.patience(), p.metric(),
        p.learningRate(), p.beta1(), p.beta2(), SequenceTrainer.ADAM_EPSILON, p.l2Embedding());
  }

  @Override
  public TrainedModel train(TrainingData data, TrainingContext context) {
    try (LstmAttentionNetwork network = LstmAttentionNetwork.create(params, data.train().numItems(),
        context.seed())) {
      TrainingOutcome outcome = new SequenceTrainer(settings(params)).train(network, data, context);
      Map<String, Object> provenance = new LinkedHashMap<>();
      provenance.put("recsysVersion", version("/org/recsys/attention/version.properties"));
      provenance.put("nd4jVersion", version("/META-INF/maven/org.nd4j/nd4j-api/pom.properties"));
      provenance.put("java", System.getProperty("java.version"));
      provenance.put("seed", context.seed());
      provenance.put("epochsRun", outcome.epochsRun());
      provenance.put("bestEpoch", outcome.bestEpoch());
      provenance.put("stoppedEarly", outcome.stoppedEarly());
      if (!Double.isNaN(outcome.bestMetric())) {
        provenance.put("validation." + params.metric(), outcome.bestMetric());
      }
      provenance.put("trainUsers", data.train().users().size());
      provenance.put("trainInteractions", data.train().numInteractions());
      provenance.put("trainedAt", Instant.now().toString());
      return LstmAttentionModel.copyOf(params, data.train().items(), network.weights(), provenance);
    }
  }

  /** The {@code version} of a properties resource on the class path (build metadata), or "unknown". */
  private static String version(String resource) {
    try (InputStream in = LstmAttentionTrainer.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
