package org.recsys.attention.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.recsys.store.ModelDirectory;
import org.recsys.api.SequenceDataset;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainedModel;
import org.recsys.api.TrainingData;
import org.recsys.api.UserSequence;
import org.recsys.api.explain.AttentionExplainable;
import org.recsys.api.explain.Contribution;
import org.recsys.api.explain.Explanation;
import org.recsys.api.explain.OcclusionExplainer;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.preset.SasRecPreset;
import org.recsys.attention.testing.BenchSupport;

/**
 * The latency of explaining a recommendation: {@link OcclusionExplainer#recommend} (top 10 with each item's
 * leave-one-out drops, one batched scoring of the history and its leave-one-out variants) and
 * {@link ComposedModel#attention}, on 200-item ML-1M histories (the most recent 200 items of users with at least
 * 200), with SASRec at the paper's sizes (maxLen 200, d 50, 2 blocks, 1 head). Reports the median and p95 of
 * many calls after a warm-up, over histories taken in turn: wall time, and the calling thread's CPU time, which
 * other jobs on a shared machine inflate less.
 *
 * <pre>
 * java -Xmx3g -cp ... org.recsys.attention.bench.ExplainBenchmark /work/shared/data/ml-1m.txt /tmp/sasrec-ml1m \
 *     [epochs=1] [calls=300] [warmup=50] [threads=0] [explainThreads=1]
 * </pre>
 * {@code explainThreads} is the explainer's threads (the calling one included); with more than one, the CPU time
 * shown is the calling thread's share only, and wall time is the figure.
 * The model directory is loaded when it holds a saved model; otherwise SASRec trains there for {@code epochs}
 * epochs on every user's full sequence (timing needs a trained model, not a good one) and is saved.
 */
public final class ExplainBenchmark {
  private static final int HISTORY = 200;
  private static final int K = 10;

  private ExplainBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: ExplainBenchmark <user-item file> <model dir> [key=value ...]");
      System.exit(2);
    }
    Map<String, String> opt = BenchSupport.options(args, 2);
    SequenceDataset data = BenchSupport.read(Path.of(args[0]));
    Path dir = Path.of(args[1]);
    SequentialFactory factory = SequentialFactory.discover();
    ComposedModel model;
    if (ModelDirectory.holdsModel(dir)) {
      model = (ComposedModel) factory.load(dir);
      System.out.println("loaded " + dir);
    } else {
      int epochs = Integer.parseInt(opt.getOrDefault("epochs", "1"));
      SasRecPreset.Params params = new SasRecPreset.Params(null, null, null, null, null, null, null, null, null,
          null, null, null, epochs, null, null, null, null, null, epochs + 1, null, null,
          Integer.valueOf(opt.getOrDefault("threads", "0")), null);
      long t0 = System.nanoTime();
      model = (ComposedModel) new SasRecPreset(factory).trainer(params).train(new TrainingData(data, List.of()),
          TrainingContext.ofSeed(42));
      System.out.printf(Locale.ROOT, "trained %d epoch(s) in %.1f s; saved to %s%n", epochs,
          (System.nanoTime() - t0) / 1e9, dir);
      model.save(dir);
    }
    System.out.println("model: maxLen " + model.architecture().maxLen() + ", d " + model.architecture().encoder()
        .outputSize() + ", blocks " + model.architecture().encoder().blocks().size() + ", items " + model.numItems());
    List<int[]> histories = new ArrayList<>();
    for (UserSequence u : data.users()) {
      if (u.length() >= HISTORY) {
        int[] items = u.items();
        histories.add(Arrays.copyOfRange(items, items.length - HISTORY, items.length));
      }
    }
    System.out.printf(Locale.ROOT, "%d histories of %d items%n", histories.size(), HISTORY);
    int calls = Integer.parseInt(opt.getOrDefault("calls", "300"));
    int warmup = Integer.parseInt(opt.getOrDefault("warmup", "50"));
    OcclusionExplainer explainer = new OcclusionExplainer(model,
        Integer.parseInt(opt.getOrDefault("explainThreads", "1")));
    checkAgainstOneByOne(model, explainer, histories.subList(0, Math.min(3, histories.size())));
    report("occlusion, top 10", time(histories, warmup, calls, h -> explainer.recommend(h, K, h)));
    // Checked at run time rather than called, so that the same main also times builds from before explanations.
    TrainedModel loaded = model;
    if (loaded instanceof AttentionExplainable attending) {
      report("attention maps", time(histories, warmup, calls, attending::attention));
    }
    report("recommend alone", time(histories, warmup, calls, h -> model.recommend(h, K)));
    model.close();
  }

  /**
   * The explainer's drops against scoring each leave-one-out history alone (one history per call, so that no
   * batching or sharing between histories is involved): the largest difference, beside the largest drop.
   */
  private static void checkAgainstOneByOne(TrainedModel model, OcclusionExplainer explainer, List<int[]> histories) {
    double worst = 0;
    double largest = 0;
    for (int[] h : histories) {
      List<Explanation> explained = explainer.recommend(h, K, h);
      int[] items = explained.stream().mapToInt(Explanation::item).toArray();
      for (Contribution c : explained.get(0).contributions()) {
        int[] without = new int[h.length - 1];
        System.arraycopy(h, 0, without, 0, c.position());
        System.arraycopy(h, c.position() + 1, without, c.position(), h.length - c.position() - 1);
        float[] alone = model.scoreCandidates(List.of(without), new int[][] {items})[0];
        for (int j = 0; j < items.length; j++) {
          Explanation e = explained.get(j);
          double drop = e.contributions().stream().filter(x -> x.position() == c.position()).findFirst()
              .orElseThrow().drop();
          worst = Math.max(worst, Math.abs(drop - (e.score() - alone[j])));
          largest = Math.max(largest, Math.abs(drop));
        }
      }
    }
    System.out.printf(Locale.ROOT, "drops against scoring each leave-one-out history alone (%d histories): largest"
        + " difference %.2g, largest drop %.3g%n", histories.size(), worst, largest);
  }

  /** Wall and CPU time of each call (CPU time of the calling thread: what the call cost on a busy machine). */
  private static long[][] time(List<int[]> histories, int warmup, int calls, Consumer<int[]> call) {
    for (int i = 0; i < warmup; i++) {
      call.accept(histories.get(i % histories.size()));
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] wall = new long[calls];
    long[] used = new long[calls];
    for (int i = 0; i < calls; i++) {
      int[] h = histories.get((warmup + i) % histories.size());
      long c = cpu.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      call.accept(h);
      wall[i] = System.nanoTime() - s;
      used[i] = cpu.getCurrentThreadCpuTime() - c;
    }
    Arrays.sort(wall);
    Arrays.sort(used);
    return new long[][] {wall, used};
  }

  private static void report(String what, long[][] t) {
    System.out.printf(Locale.ROOT, "%-18s %d calls: wall median %.1f ms  p95 %.1f ms  min %.1f ms | cpu median %.1f ms"
        + "  p95 %.1f ms%n", what, t[0].length, ms(t[0], 0.5), ms(t[0], 0.95), t[0][0] / 1e6, ms(t[1], 0.5),
        ms(t[1], 0.95));
  }

  private static double ms(long[] sorted, double quantile) {
    int i = Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * quantile) - 1);
    return sorted[Math.max(i, 0)] / 1e6;
  }
}
