package org.recsys.attention.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;
import org.recsys.api.EpochResult;
import org.recsys.api.EvalCase;
import org.recsys.api.EvaluationReport;
import org.recsys.api.SequenceDataset;
import org.recsys.api.TrainedModel;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingListener;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.preset.SasRecPreset;
import org.recsys.attention.testing.BenchSupport;
import org.recsys.attention.testing.RankEvaluator;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;

/**
 * Trains SASRec (the {@code sasrec} preset, as {@code type: sasrec} in a config) on a {@code user item} file (ML-1M as the SASRec paper preprocessed it) with leave-one-out and
 * reports seconds per epoch, sequences per second, RSS per epoch and peak, test HR@10 / NDCG@10 under the
 * sampled-100 protocol and under full ranking (seen items excluded), the full-ranking time over all users and
 * one-history {@code recommend} latency.
 *
 * <pre>
 * java -Xmx3g -cp ... org.recsys.attention.bench.SasRecBenchmark /work/shared/data/ml-1m.txt 3 \
 *     [loss=bce] [threads=0] [validateEvery=20] [validation=sampled|full] [patience=1000] [seed=42]
 *     [negatives=k] [lr=0.001] [save=/tmp/model] [backend=native|dl4j] [opProfile=true]
 * </pre>
 * With {@code validateEvery}, validation uses the sampled-100 protocol on the validation cases (as the
 * reference port does; {@code validation=full} ranks all items) and the best epoch's weights are kept.
 * {@code opProfile=true} times every ND4J op (ND4J's {@code OpProfiler}) and prints its dashboard after training:
 * where a {@code dl4j} step spends its time, by op.
 */
public final class SasRecBenchmark {
  private SasRecBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: SasRecBenchmark <user-item file> <epochs> [key=value ...]");
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
    Integer negatives = opt.containsKey("negatives") ? Integer.valueOf(opt.get("negatives")) : null;
    Double lr = opt.containsKey("lr") ? Double.valueOf(opt.get("lr")) : null;
    // The paper's settings but for these keys.
    SasRecPreset.Params params = new SasRecPreset.Params(null, null, null, null, null, null, null, lr, null, null,
        null, null, epochs, opt.getOrDefault("loss", "bce"), negatives, null, null, null,
        Integer.valueOf(opt.getOrDefault("validateEvery", String.valueOf(epochs + 1))),
        Integer.valueOf(opt.getOrDefault("patience", "1000")), null,
        Integer.valueOf(opt.getOrDefault("threads", "0")), opt.get("backend"));
    SasRecPreset preset = new SasRecPreset(SequentialFactory.discover());
    System.out.println("spec: " + new ObjectMapper().writeValueAsString(preset.resolve(params).spec()));
    int windows = (int) split.train().users().stream().filter(u -> u.length() >= 2).count();

    // Validation as the reference port does it (the target among 100 sampled unseen items), or with
    // validation=full over all items.
    boolean fullValidation = "full".equals(opt.get("validation"));
    List<EvalCase> validation = fullValidation ? split.validation()
        : BenchSupport.sampled(split.validation(), data, seed + 1);
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
    boolean opProfile = Boolean.parseBoolean(opt.getOrDefault("opProfile", "false"));
    if (opProfile) {
      Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
    }
    long t0 = System.nanoTime();
    TrainedModel model = preset.trainer(params).train(
        new org.recsys.api.TrainingData(split.train(), validation), context);
    System.out.printf(Locale.ROOT, "training: %.1f s in all%n", (System.nanoTime() - t0) / 1e9);
    if (opProfile) {
      OpProfiler.getInstance().printOutDashboard();
      Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().build());
    }

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
    ((ComposedModel) model).close();
  }
}
