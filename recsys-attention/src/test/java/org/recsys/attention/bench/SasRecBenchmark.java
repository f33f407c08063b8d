package org.recsys.attention.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.recsys.api.EpochResult;
import org.recsys.api.EvalCase;
import org.recsys.api.EvaluationReport;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.TrainedModel;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingListener;
import org.recsys.api.UserSequence;
import org.recsys.attention.sasrec.SasRecFactory;
import org.recsys.attention.sasrec.SasRecModel;
import org.recsys.attention.sasrec.SasRecParams;
import org.recsys.attention.testing.RankEvaluator;
import org.recsys.data.sampling.NegativeSampler;
import org.recsys.data.sampling.SampledCandidates;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;

/**
 * Trains SASRec on a {@code user item} file (ML-1M as the SASRec paper preprocessed it) with leave-one-out and
 * reports seconds per epoch, sequences per second, RSS per epoch and peak, test HR@10 / NDCG@10 under the
 * sampled-100 protocol and under full ranking (seen items excluded), the full-ranking time over all users and
 * one-history {@code recommend} latency.
 *
 * <pre>
 * java -Xmx3g -cp ... org.recsys.attention.bench.SasRecBenchmark /work/shared/data/ml-1m.txt 3 \
 *     [loss=bce] [threads=0] [validateEvery=20] [validation=sampled|full] [patience=1000] [seed=42]
 *     [negatives=k] [lr=0.001] [save=/tmp/model]
 * </pre>
 * With {@code validateEvery}, validation uses the sampled-100 protocol on the validation cases (as the
 * reference port does; {@code validation=full} ranks all items) and the best epoch's weights are kept.
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
    Map<String, String> opt = new LinkedHashMap<>();
    for (int i = 2; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      opt.put(kv[0], kv[1]);
    }
    long seed = Long.parseLong(opt.getOrDefault("seed", "42"));
    SequenceDataset data = read(file);
    DataSplit split = new LeaveOneOutSplitter().split(data);
    System.out.printf(Locale.ROOT, "data: %d users, %d items, %d interactions; %d test cases%n",
        data.users().size(), data.numItems(), data.numInteractions(), split.test().size());
    SasRecParams.Builder b = SasRecParams.defaults().toBuilder().epochs(epochs)
        .loss(opt.getOrDefault("loss", "bce"))
        .threads(Integer.parseInt(opt.getOrDefault("threads", "0")))
        .validateEvery(Integer.parseInt(opt.getOrDefault("validateEvery", String.valueOf(epochs + 1))))
        .patience(Integer.parseInt(opt.getOrDefault("patience", "1000")));
    if (opt.containsKey("negatives")) {
      b.negatives(Integer.parseInt(opt.get("negatives")));
    }
    if (opt.containsKey("lr")) {
      b.learningRate(Double.parseDouble(opt.get("lr")));
    }
    SasRecParams params = b.build();
    System.out.println("params: " + params);
    int windows = (int) split.train().users().stream().filter(u -> u.length() >= 2).count();

    // Validation as the reference port does it (the target among 100 sampled unseen items), or with
    // validation=full over all items.
    boolean fullValidation = "full".equals(opt.get("validation"));
    List<EvalCase> validation = fullValidation ? split.validation() : sampled(split.validation(), data, seed + 1);
    TrainingListener progress = new TrainingListener() {
      @Override
      public void onEpochEnd(EpochResult r) {
        long[] mem = memoryKb();
        System.out.printf(Locale.ROOT, "epoch %3d  loss %.4f  %.2f s  %.0f seq/s  rss %d MB  peak %d MB  %s%n",
            r.epoch(), r.loss(), r.seconds(), windows / r.seconds(), mem[0] / 1024, mem[1] / 1024,
            r.validation().isEmpty() ? "" : r.validation());
      }
    };
    TrainingContext context = new TrainingContext(seed, new RankEvaluator(), null, false, progress);
    long t0 = System.nanoTime();
    TrainedModel model = new SasRecFactory().trainer(params).train(
        new org.recsys.api.TrainingData(split.train(), validation), context);
    System.out.printf(Locale.ROOT, "training: %.1f s in all%n", (System.nanoTime() - t0) / 1e9);

    List<EvalCase> sampledTest = sampled(split.test(), data, seed + 2);
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
    latency(model, split.test());
    long[] mem = memoryKb();
    System.out.printf(Locale.ROOT, "rss %d MB, peak rss %d MB, heap used %d MB%n", mem[0] / 1024, mem[1] / 1024,
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    if (opt.containsKey("save")) {
      model.save(Path.of(opt.get("save")));
      System.out.println("saved to " + opt.get("save"));
    }
    ((SasRecModel) model).close();
  }

  private static void latency(TrainedModel model, List<EvalCase> cases) {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 500; i++) {
      EvalCase c = cases.get(r.nextInt(cases.size()));
      model.recommend(c.history(), 10);
    }
    int n = 2000;
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      EvalCase c = cases.get(r.nextInt(cases.size()));
      long s = System.nanoTime();
      model.recommend(c.history(), 10);
      t[i] = System.nanoTime() - s;
    }
    Arrays.sort(t);
    System.out.printf(Locale.ROOT, "recommend(history, 10) over %d items: p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
        model.numItems(), t[n / 2] / 1e6, t[(int) (n * 0.99)] / 1e6, t[n - 1] / 1e6);
  }

  private static List<EvalCase> sampled(List<EvalCase> cases, SequenceDataset data, long seed) {
    NegativeSampler sampler = NegativeSampler.uniform(data.numItems(), seed);
    // Exclude everything the user ever interacted with, as the reference evaluation does.
    Map<String, int[]> all = new LinkedHashMap<>();
    for (UserSequence u : data.users()) {
      all.put(u.user(), u.items());
    }
    List<EvalCase> out = new ArrayList<>(cases.size());
    for (EvalCase c : cases) {
      sampler.exclude(all.get(c.user()));
      int[] neg = sampler.distinct(100);
      int[] cand = new int[neg.length + 1];
      cand[0] = c.targets()[0];
      System.arraycopy(neg, 0, cand, 1, neg.length);
      out.add(new EvalCase(c.user(), c.history(), c.targets(), cand));
    }
    return out;
  }

  /** Reads {@code user item} lines (in time order per user) into a data set with item ids as given. */
  static SequenceDataset read(Path file) throws IOException {
    Map<String, List<Integer>> byUser = new LinkedHashMap<>();
    int maxItem = 0;
    int lineNo = 0;
    for (String line : Files.readAllLines(file)) {
      lineNo++;
      String[] p = line.trim().split("\\s+");
      if (p.length < 2) {
        throw new IOException(file + ":" + lineNo + ": expected 'user item'");
      }
      int item = Integer.parseInt(p[1]);
      maxItem = Math.max(maxItem, item);
      byUser.computeIfAbsent(p[0], k -> new ArrayList<>()).add(item);
    }
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= maxItem; i++) {
      ids.add(Integer.toString(i));
    }
    List<UserSequence> users = new ArrayList<>();
    byUser.forEach((u, items) -> users.add(UserSequence.of(u, items.stream().mapToInt(Integer::intValue).toArray())));
    return new SequenceDataset(ItemVocabulary.of(ids), users);
  }

  /** Current and peak resident set size in kB (Linux). */
  static long[] memoryKb() {
    long rss = -1;
    long peak = -1;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("\\D", ""));
        } else if (line.startsWith("VmHWM:")) {
          peak = Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException e) {
      // not Linux: report -1
    }
    return new long[] {rss, peak};
  }
}
