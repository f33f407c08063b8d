package org.recsys.attention.lstm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recsys.api.EpochResult;
import org.recsys.api.EvalCase;
import org.recsys.api.EvaluationReport;
import org.recsys.api.SequenceDataset;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;
import org.recsys.api.TrainingListener;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.preset.LstmAttentionPreset;
import org.recsys.attention.testing.BenchSupport;
import org.recsys.attention.testing.RankEvaluator;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;

/**
 * Trains the LSTM-attention model (the {@code lstm-attention} preset, as {@code type: lstm-attention} in a
 * config) on a {@code user item} file (ML-1M as the SASRec paper preprocessed it) with
 * leave-one-out, and reports seconds per epoch, sequences per second, RSS per epoch and peak, test HR@10 /
 * NDCG@10 under the sampled-100 protocol and under full ranking (seen items excluded), and one-history
 * {@code recommend} latency. Same data, split, candidates and evaluator as SasRecBenchmark, so the figures
 * compare.
 *
 * <pre>
 * java -Xmx3g -cp ... org.recsys.attention.lstm.LstmAttentionBenchmark /work/shared/data/ml-1m.txt 3 \
 *     [loss=ce] [threads=0] [validateEvery=5] [patience=1000] [seed=42] [lr=0.001] [maxLen=200] \
 *     [embeddingSize=64] [hiddenSize=64] [attentionSize=32] [layers=1] [output=tied] [dropout=0.2] \
 *     [batchSize=128] [negatives=..] [save=/tmp/model]
 * </pre>
 * With {@code validateEvery}, validation uses the sampled-100 protocol on the validation cases and the best
 * epoch's weights are kept.
 */
public final class LstmAttentionBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private LstmAttentionBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: LstmAttentionBenchmark <user-item file> <epochs> [key=value ...]");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    int epochs = Integer.parseInt(args[1]);
    Map<String, String> opt = BenchSupport.options(args, 2);
    long seed = Long.parseLong(opt.getOrDefault("seed", "42"));
    SequenceDataset data = BenchSupport.read(file);
    DataSplit split = new LeaveOneOutSplitter().split(data);
    System.out.printf(Locale.ROOT, "data: %d users, %d items, %d interactions; %d test cases%n",
        data.users().size(), data.numItems(), data.numInteractions(), split.test().size());
    // The preset's defaults but for these keys, bound as a config's model section binds them.
    ObjectNode keys = JSON.createObjectNode().put("epochs", epochs).put("loss", opt.getOrDefault("loss", "ce"))
        .put("threads", Integer.parseInt(opt.getOrDefault("threads", "0")))
        .put("validateEvery", Integer.parseInt(opt.getOrDefault("validateEvery", String.valueOf(epochs + 1))))
        .put("patience", Integer.parseInt(opt.getOrDefault("patience", "1000")));
    for (String key : List.of("negatives", "maxLen", "embeddingSize", "hiddenSize", "attentionSize", "layers",
        "batchSize")) {
      if (opt.containsKey(key)) {
        keys.put(key, Integer.parseInt(opt.get(key)));
      }
    }
    if (opt.containsKey("lr")) {
      keys.put("learningRate", Double.parseDouble(opt.get("lr")));
    }
    if (opt.containsKey("dropout")) {
      keys.put("dropout", Double.parseDouble(opt.get("dropout")));
    }
    if (opt.containsKey("output")) {
      keys.put("output", opt.get("output"));
    }
    LstmAttentionPreset.Params params = JSON.treeToValue(keys, LstmAttentionPreset.Params.class);
    LstmAttentionPreset preset = new LstmAttentionPreset(SequentialFactory.discover());
    System.out.println("spec: " + JSON.writeValueAsString(preset.resolve(params).spec()));
    int windows = (int) split.train().users().stream().filter(u -> u.length() >= 2).count();

    // Validation as the SASRec reference port does it: the target among 100 sampled unseen items.
    List<EvalCase> validation = BenchSupport.sampled(split.validation(), data, seed + 1);
    TrainingListener progress = new TrainingListener() {
      @Override
      public void onEpochEnd(EpochResult r) {
        long[] mem = BenchSupport.memoryKb();
        System.out.printf(Locale.ROOT, "epoch %3d  loss %.4f  %.2f s  %.0f seq/s  rss %d MB  peak %d MB  %s%n",
            r.epoch(), r.loss(), r.seconds(), windows / r.seconds(), mem[0] / 1024, mem[1] / 1024,
            r.validation().isEmpty() ? "" : r.validation());
      }
    };
    TrainingContext context = new TrainingContext(seed, new RankEvaluator(), null, false, progress);
    long t0 = System.nanoTime();
    try (ComposedModel model = (ComposedModel) preset.trainer(params).train(
        new TrainingData(split.train(), validation), context)) {
      System.out.printf(Locale.ROOT, "training: %.1f s in all%n", (System.nanoTime() - t0) / 1e9);
      List<EvalCase> sampledTest = BenchSupport.sampled(split.test(), data, seed + 2);
      long e0 = System.nanoTime();
      EvaluationReport sampledReport = new RankEvaluator().evaluate(model, sampledTest);
      double sampledSeconds = (System.nanoTime() - e0) / 1e9;
      long f0 = System.nanoTime();
      EvaluationReport full = new RankEvaluator().evaluate(model, split.test());
      double fullSeconds = (System.nanoTime() - f0) / 1e9;
      System.out.printf(Locale.ROOT, "test sampled-100: HR@10 %.4f  NDCG@10 %.4f  (%.2f s)%n",
          sampledReport.mean("HR@10"), sampledReport.mean("NDCG@10"), sampledSeconds);
      System.out.printf(Locale.ROOT, "test full ranking (seen excluded): HR@10 %.4f  NDCG@10 %.4f  (%.2f s for %d"
          + " users)%n", full.mean("HR@10"), full.mean("NDCG@10"), fullSeconds, split.test().size());
      BenchSupport.latency(model, split.test());
      long[] mem = BenchSupport.memoryKb();
      System.out.printf(Locale.ROOT, "rss %d MB, peak rss %d MB, heap used %d MB%n", mem[0] / 1024, mem[1] / 1024,
          (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
      if (opt.containsKey("save")) {
        model.save(Path.of(opt.get("save")));
        System.out.println("saved to " + opt.get("save"));
      }
    }
  }
}
