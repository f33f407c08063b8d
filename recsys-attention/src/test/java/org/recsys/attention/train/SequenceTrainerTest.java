package org.recsys.attention.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ConfigException;
import org.recsys.api.EpochResult;
import org.recsys.api.EvaluationReport;
import org.recsys.api.Evaluator;
import org.recsys.api.MetricSummary;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;
import org.recsys.api.TrainingListener;
import org.recsys.api.TrainingStoppedException;
import org.recsys.attention.preset.SasRecPreset;
import org.recsys.attention.sasrec.SasRecNetworks;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/** The shared loop, driven with a real (tiny) composed SASRec network and scripted validation scores. */
class SequenceTrainerTest {
  private static final DataSplit SPLIT = new LeaveOneOutSplitter().split(
      SyntheticGenerator.generate(SyntheticConfig.tiny().withSize(90, 40, 8, 16)));
  private static final TrainingData DATA = SPLIT.trainingData();

  private static TrainerSettings settings(int epochs, int validateEvery, int patience, String metric) {
    return new TrainerSettings(epochs, 32, 12, validateEvery, patience, metric, 0.005, 0.9, 0.98, 1e-8, 0.0);
  }

  private static TrainableNetwork network(long seed) {
    return SasRecNetworks.tiny(DATA.train().numItems(), 12, seed);
  }

  /** Returns the given NDCG@10 values, one per validation. */
  private static Evaluator scripted(double... values) {
    Deque<Double> queue = new ArrayDeque<>();
    for (double v : values) {
      queue.add(v);
    }
    return (recommender, cases) -> {
      assertThat(recommender.numItems()).isEqualTo(DATA.train().numItems());
      double v = queue.remove();
      Map<String, MetricSummary> m = new LinkedHashMap<>();
      m.put("NDCG@10", new MetricSummary(v, v, v));
      return new EvaluationReport(Map.of("protocol", "scripted"), m, Map.of(), cases.size());
    };
  }

  /** Records callbacks and the weights at each epoch end. */
  private static final class Recorder implements TrainingListener {
    final List<String> events = new ArrayList<>();
    final List<float[][]> weightsAtEpochEnd = new ArrayList<>();
    final List<EpochResult> results = new ArrayList<>();
    TrainableNetwork network;
    int stopAfterSteps = -1;
    int steps;

    @Override
    public void onEpochStart(int epoch, int maxEpochs, int stepCount) {
      events.add("start " + epoch + "/" + maxEpochs + " steps=" + stepCount);
    }

    @Override
    public void onStep(int epoch, int step, double loss) {
      steps++;
      assertThat(loss).isFinite().isPositive();
    }

    @Override
    public void onEpochEnd(EpochResult result) {
      results.add(result);
      events.add("end " + result.epoch() + (result.improved() ? " improved" : ""));
      weightsAtEpochEnd.add(network.parameters().snapshot());
    }

    @Override
    public void onTrainingEnd(int bestEpoch) {
      events.add("best " + bestEpoch);
    }

    @Override
    public boolean stopRequested() {
      return stopAfterSteps >= 0 && steps >= stopAfterSteps;
    }
  }

  @Test
  void stopsEarlyAndRestoresTheBestWeights() {
    Recorder rec = new Recorder();
    try (TrainableNetwork net = network(1)) {
      rec.network = net;
      TrainingContext ctx = new TrainingContext(5, scripted(0.1, 0.3, 0.2, 0.25, 0.9), null, false, rec);
      TrainingOutcome out = new SequenceTrainer(settings(10, 1, 2, "NDCG@10")).train(net, DATA, ctx);
      assertThat(out.bestEpoch()).isEqualTo(2);
      assertThat(out.bestMetric()).isEqualTo(0.3);
      assertThat(out.epochsRun()).isEqualTo(4);
      assertThat(out.stoppedEarly()).isTrue();
      int steps = (DATA.train().users().size() + 31) / 32;
      assertThat(rec.events).containsExactly("start 1/10 steps=" + steps, "end 1 improved",
          "start 2/10 steps=" + steps, "end 2 improved", "start 3/10 steps=" + steps, "end 3",
          "start 4/10 steps=" + steps, "end 4", "best 2");
      assertThat(rec.steps).isEqualTo(4 * steps);
      assertThat(rec.results.get(1).validation()).containsEntry("NDCG@10", 0.3);
      assertThat(rec.results.get(0).loss()).isGreaterThan(rec.results.get(3).loss());
      assertThat(net.parameters().snapshot()).isDeepEqualTo(rec.weightsAtEpochEnd.get(1))
          .isNotEqualTo(rec.weightsAtEpochEnd.get(3));
    }
  }

  @Test
  void withoutAValidatorItRunsEveryEpochAndKeepsTheLast() {
    Recorder rec = new Recorder();
    try (TrainableNetwork net = network(1)) {
      rec.network = net;
      TrainingOutcome out = new SequenceTrainer(settings(3, 1, 1, "NDCG@10"))
          .train(net, DATA, new TrainingContext(5, null, null, false, rec));
      assertThat(out.epochsRun()).isEqualTo(3);
      assertThat(out.bestEpoch()).isEqualTo(3);
      assertThat(out.bestMetric()).isNaN();
      assertThat(rec.results).allSatisfy(r -> assertThat(r.validation()).isEmpty());
    }
  }

  @Test
  void aStopRequestWritesACheckpointAndResumingReproducesTheUninterruptedRun(@TempDir Path dir)
      throws IOException {
    TrainerSettings s = settings(3, 2, 5, "NDCG@10");
    float[][] uninterrupted;
    try (TrainableNetwork net = network(3)) {
      new SequenceTrainer(s).train(net, DATA, new TrainingContext(9, scripted(0.2, 0.1), null, false,
          TrainingListener.NONE));
      uninterrupted = net.parameters().snapshot();
    }
    Recorder stopper = new Recorder();
    stopper.stopAfterSteps = 5; // mid-epoch 2
    try (TrainableNetwork net = network(3)) {
      stopper.network = net;
      TrainingContext ctx = new TrainingContext(9, scripted(0.2, 0.1), dir, false, stopper);
      assertThatThrownBy(() -> new SequenceTrainer(s).train(net, DATA, ctx))
          .isInstanceOf(TrainingStoppedException.class)
          .hasMessageContaining("checkpoint written")
          .satisfies(e -> assertThat(((TrainingStoppedException) e).epoch()).isEqualTo(2));
    }
    assertThat(dir.resolve(Checkpoint.FILE_NAME)).exists();
    try (TrainableNetwork fresh = network(77)) {
      TrainingOutcome out = new SequenceTrainer(s).train(fresh, DATA,
          new TrainingContext(9, scripted(0.2, 0.1), dir, true, TrainingListener.NONE));
      assertThat(out.epochsRun()).isEqualTo(3);
      assertThat(out.bestEpoch()).isEqualTo(2);
      assertThat(fresh.parameters().snapshot()).isDeepEqualTo(uninterrupted);
    }
    // A finished run resumes to the same weights without training again.
    try (TrainableNetwork again = network(78)) {
      TrainingOutcome out = new SequenceTrainer(s).train(again, DATA,
          new TrainingContext(9, scripted(), dir, true, TrainingListener.NONE));
      assertThat(out.epochsRun()).isEqualTo(3);
      assertThat(again.parameters().snapshot()).isDeepEqualTo(uninterrupted);
    }
    assertThat(Files.list(dir)).allSatisfy(p -> assertThat(p.getFileName().toString()).doesNotEndWith(".tmp"));
  }

  @Test
  void aCheckpointOfAnotherRunIsRefused(@TempDir Path dir) {
    try (TrainableNetwork net = network(3)) {
      new SequenceTrainer(settings(1, 1, 1, "NDCG@10")).train(net, DATA,
          new TrainingContext(9, null, dir, false, TrainingListener.NONE));
    }
    try (TrainableNetwork net = network(3)) {
      assertThatThrownBy(() -> new SequenceTrainer(settings(1, 1, 1, "NDCG@10")).train(net, DATA,
          new TrainingContext(10, null, dir, true, TrainingListener.NONE)))
          .hasMessageContaining("belongs to another run").hasMessageContaining("seed=9").hasMessageContaining("seed=10");
    }
  }

  @Test
  void aCheckpointTrainedWithAnotherLossIsRefused(@TempDir Path dir) {
    int n = DATA.train().numItems();
    SasRecPreset.Params bce = SasRecNetworks.params("maxLen", 12, "hiddenSize", 8, "blocks", 1, "heads", 2,
        "threads", 1);
    try (TrainableNetwork net = SasRecNetworks.create(bce, n, 3)) {
      new SequenceTrainer(settings(1, 1, 1, "NDCG@10")).train(net, DATA,
          new TrainingContext(9, null, dir, false, TrainingListener.NONE));
    }
    // Same tensors and optimiser settings, another loss: resuming would silently train a different model.
    SasRecPreset.Params sampled = SasRecNetworks.with(bce, "loss", "sampled-softmax", "negatives", 1);
    try (TrainableNetwork net = SasRecNetworks.create(sampled, n, 3)) {
      assertThatThrownBy(() -> new SequenceTrainer(settings(2, 1, 1, "NDCG@10")).train(net, DATA,
          new TrainingContext(9, null, dir, true, TrainingListener.NONE)))
          .hasMessageContaining("belongs to another run").hasMessageContaining("loss=bce")
          .hasMessageContaining("loss=sampled-softmax");
    }
  }

  @Test
  void anUnreportedMetricIsAConfigErrorNamingTheKey() {
    try (TrainableNetwork net = network(1)) {
      assertThatThrownBy(() -> new SequenceTrainer(settings(1, 1, 1, "MRR@7")).train(net, DATA,
          new TrainingContext(1, scripted(0.5), null, false, TrainingListener.NONE)))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("MRR@7").hasMessageContaining("NDCG@10")
          .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("model.metric"));
    }
  }
}
