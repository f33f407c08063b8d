package org.recsys.baselines.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.recsys.api.EvalCase;
import org.recsys.api.TrainedModel;
import org.recsys.api.TrainingContext;
import org.recsys.baselines.RankMetrics;
import org.recsys.baselines.markov.MarkovModel;
import org.recsys.baselines.markov.MarkovParams;
import org.recsys.baselines.pop.PopModel;
import org.recsys.baselines.tribuo.TribuoModel;
import org.recsys.baselines.tribuo.TribuoParams;
import org.recsys.data.DataConfig;
import org.recsys.data.DataPipeline;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.sampling.NegativeSampler;
import org.recsys.data.sampling.SampledCandidates;

/**
 * Benchmark of one baseline on a {@code user item} file (ML-1M in the notes), leave-one-out: training time,
 * peak used heap (sampled every 20 ms), HR@10 / NDCG@10 under full ranking (history excluded) and sampled-100
 * (uniform negatives the user has not interacted with), on the validation or test cases, plus save/load.
 *
 * <p>Arguments: {@code <data file> <pop|markov|tribuo> [params JSON] [valid|test] [seed]}. Run one model per
 * JVM so that {@code /usr/bin/time -v} reports that model's peak RSS.
 */
public final class Ml1mBench {
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    String type = args[1];
    String paramsJson = args.length > 2 ? args[2] : "{}";
    boolean onTest = args.length <= 3 || args[3].equals("test");
    long seed = args.length > 4 ? Long.parseLong(args[4]) : 42L;
    AtomicLong peak = new AtomicLong();
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();

    DataSplit split = new LeaveOneOutSplitter().split(DataPipeline.load(DataConfig.file(data, "sasrec")).dataset());
    List<EvalCase> cases = onTest ? split.test() : split.validation();
    int n = split.train().numItems();
    System.out.printf("data: %d users, %d items, %d training interactions; %s cases: %d%n",
        split.train().users().size(), n, split.train().numInteractions(), onTest ? "test" : "validation",
        cases.size());
    ObjectMapper json = new ObjectMapper();
    long heapBefore = peak.get();
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    TrainedModel model = switch (type) {
      case "pop" -> PopModel.train(split.train());
      case "markov" -> MarkovModel.train(split.train(), json.readValue(paramsJson, MarkovParams.class));
      case "tribuo" -> TribuoModel.train(split.train(), json.readValue(paramsJson, TribuoParams.class),
          TrainingContext.ofSeed(seed));
      default -> throw new IllegalArgumentException("unknown model " + type);
    };
    double trainSeconds = (System.nanoTime() - t0) / 1e9;
    double trainCpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    long trainPeak = peak.get();
    System.out.printf("%s %s: trained in %.1f s wall, %.1f s CPU of the training thread, peak used heap %.0f MB"
        + " (%.0f MB before training)%n", type, paramsJson, trainSeconds, trainCpuSeconds, trainPeak / 1e6,
        heapBefore / 1e6);
    if (model instanceof TribuoModel tm) {
      System.out.println("  tribuo info: " + tm.info());
    }

    long t1 = System.nanoTime();
    RankMetrics.Result full = RankMetrics.evaluate(model, cases, 10);
    double fullSeconds = (System.nanoTime() - t1) / 1e9;
    List<EvalCase> sampled = SampledCandidates.generate(cases, NegativeSampler.uniform(n, seed), 100, seed)
        .attachTo(cases);
    long t2 = System.nanoTime();
    RankMetrics.Result samp = RankMetrics.evaluate(model, sampled, 10);
    double sampledSeconds = (System.nanoTime() - t2) / 1e9;
    System.out.printf("  full ranking:  HR@10 %.4f  NDCG@10 %.4f  (%d cases scored in %.1f s)%n", full.hitRate(),
        full.ndcg(), full.cases(), fullSeconds);
    System.out.printf("  sampled-100:   HR@10 %.4f  NDCG@10 %.4f  (%.1f s)%n", samp.hitRate(), samp.ndcg(),
        sampledSeconds);

    Path dir = Files.createTempDirectory("bench-" + type);
    long t3 = System.nanoTime();
    model.save(dir);
    double saveSeconds = (System.nanoTime() - t3) / 1e9;
    long bytes;
    try (Stream<Path> files = Files.list(dir)) {
      bytes = files.mapToLong(p -> p.toFile().length()).sum();
    }
    long t4 = System.nanoTime();
    TrainedModel loaded = switch (type) {
      case "pop" -> PopModel.load(dir);
      case "markov" -> MarkovModel.load(dir);
      default -> TribuoModel.load(dir);
    };
    double loadSeconds = (System.nanoTime() - t4) / 1e9;
    List<int[]> some = cases.subList(0, 50).stream().map(EvalCase::history).toList();
    boolean same = java.util.Arrays.deepEquals(model.scoreAll(some), loaded.scoreAll(some));
    System.out.printf("  saved %.1f MB in %.1f s, loaded in %.1f s, identical scores: %s; overall peak heap %.0f MB%n",
        bytes / 1e6, saveSeconds, loadSeconds, same, peak.get() / 1e6);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }
}
