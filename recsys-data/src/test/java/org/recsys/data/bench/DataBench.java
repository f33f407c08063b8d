package org.recsys.data.bench;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;
import org.recsys.data.DataConfig;
import org.recsys.data.DataPipeline;
import org.recsys.data.LoadedData;
import org.recsys.data.batch.Batch;
import org.recsys.data.batch.TrainingBatches;
import org.recsys.data.preprocess.PreprocessOptions;
import org.recsys.data.sampling.NegativeSampler;
import org.recsys.data.sampling.SampledCandidates;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.SplitOptions;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/**
 * Timed runs of the data pipeline (not a test). Commands and figures are in /work/notes/bench-data.md.
 *
 * <pre>
 * ml1m FILE REPS              read + 5-core items + leave-one-out split + vocabulary, REPS times
 * generate FILE FORMAT USERS ORDER  write a synthetic file (csv: user,item,timestamp; dat: user::item::5::timestamp);
 *                             ORDER sorted (by user, then time) or shuffled (lines in random order)
 * e2e FILE FORMAT             load (read + sort + 5-core) + leave-one-out split + stats, once, with peak heap
 * batches FILE REPS           TrainingBatches epochs (maxLen 200, batch 128, 1 negative) + 100 sampled negatives
 * </pre>
 */
public final class DataBench {
  private DataBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "ml1m" -> ml1m(Path.of(args[1]), Integer.parseInt(args[2]));
      case "generate" -> generate(Path.of(args[1]), args[2], Integer.parseInt(args[3]), args.length > 4 ? args[4] : "sorted");
      case "e2e" -> e2e(Path.of(args[1]), args[2]);
      case "batches" -> batches(Path.of(args[1]), Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  private static void ml1m(Path file, int reps) throws Exception {
    DataConfig c = DataConfig.file(file, "sasrec").withPreprocess(new PreprocessOptions(null, null, 0, 5));
    double[] ms = new double[reps];
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      LoadedData d = DataPipeline.load(c);
      DataSplit s = DataPipeline.split(d, c);
      ms[r] = (System.nanoTime() - t0) / 1e6;
      System.out.printf(Locale.ROOT, "rep %2d: %.0f ms (%d users, %d items, %d interactions, %d test cases)%n", r + 1,
          ms[r], d.after().users(), d.after().items(), d.after().interactions(), s.test().size());
    }
    double[] warm = Arrays.copyOfRange(ms, reps / 2, reps);
    Arrays.sort(warm);
    System.out.printf(Locale.ROOT, "first %.0f ms; warm (last %d reps) median %.0f ms, min %.0f ms%n", ms[0],
        warm.length, warm[warm.length / 2], warm[0]);
  }

  private static void generate(Path file, String format, int users, String order) throws Exception {
    long t0 = System.nanoTime();
    // ML-20M-like: mean length ~145 (ML-20M: 138,493 users, 26,744 items, 20.0M ratings).
    SyntheticConfig c = new SyntheticConfig(users, 27_000, 500, 4, 5, 20, 395, null, null, null, 20L);
    SequenceDataset d = SyntheticGenerator.generate(c);
    long t1 = System.nanoTime();
    int total = Math.toIntExact(d.numInteractions());
    int[] userOf = new int[total];
    int[] posOf = new int[total];
    int k = 0;
    for (int u = 0; u < d.users().size(); u++) {
      for (int i = 0; i < d.users().get(u).length(); i++) {
        userOf[k] = u;
        posOf[k++] = i;
      }
    }
    if (order.equals("shuffled")) {
      java.util.SplittableRandom r = new java.util.SplittableRandom(5);
      for (int i = total - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = userOf[i];
        userOf[i] = userOf[j];
        userOf[j] = t;
        t = posOf[i];
        posOf[i] = posOf[j];
        posOf[j] = t;
      }
    } else if (!order.equals("sorted")) {
      throw new IllegalArgumentException("order must be sorted or shuffled, got " + order);
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      boolean csv = format.equals("csv");
      if (csv) {
        w.write("user,item,timestamp\n");
      }
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < total; i++) {
        UserSequence u = d.users().get(userOf[i]);
        sb.setLength(0);
        sb.append(u.user()).append(csv ? "," : "::").append(u.item(posOf[i])).append(csv ? "," : "::5::")
            .append(u.timestamp(posOf[i])).append('\n');
        w.append(sb);
      }
    }
    System.out.printf(Locale.ROOT, "generated %,d interactions in %.1f s, wrote %s (%,d bytes, %s) in %.1f s%n",
        total, (t1 - t0) / 1e9, file, Files.size(file), order, (System.nanoTime() - t1) / 1e9);
  }

  private static void e2e(Path file, String format) throws Exception {
    long t0 = System.nanoTime();
    DataConfig c = DataConfig.file(file, format).withPreprocess(new PreprocessOptions(null, null, 5, 5))
        .withSplit(SplitOptions.leaveOneOut());
    LoadedData d = DataPipeline.load(c);
    long t1 = System.nanoTime();
    DataSplit s = DataPipeline.split(d, c);
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "load (read, sha256, sort, 5-core, vocab) %.1f s; split %.1f s; total %.1f s%n",
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9);
    System.out.printf(Locale.ROOT, "%,d users, %,d items, %,d interactions; %,d test cases%n", d.after().users(),
        d.after().items(), d.after().interactions(), s.test().size());
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "max heap %,d MB; sum of heap pools' peak use %,d MB%n",
        Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
    System.out.println(d.provenance());
  }

  private static void batches(Path file, int reps) throws Exception {
    DataConfig c = DataConfig.file(file, "sasrec");
    LoadedData d = DataPipeline.load(c);
    DataSplit s = DataPipeline.split(d, c);
    int n = s.train().numItems();
    TrainingBatches tb = new TrainingBatches(s.train(), 200, 128, 1).withNegatives(NegativeSampler.uniform(n, 1), 1);
    for (int r = 1; r <= reps; r++) {
      long t0 = System.nanoTime();
      long rows = 0;
      long sum = 0;
      for (Iterator<Batch> it = tb.epoch(r); it.hasNext(); ) {
        Batch b = it.next();
        rows += b.size();
        sum += b.negatives()[b.negatives().length - 1];
      }
      double sec = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "epoch %d: %,d windows in %.3f s = %,.0f sequences/s (checksum %d)%n", r, rows,
          sec, rows / sec, sum);
    }
    for (int r = 1; r <= reps; r++) {
      long t0 = System.nanoTime();
      SampledCandidates sc = SampledCandidates.generate(s.test(), NegativeSampler.uniform(n, 7), 100, 7);
      System.out.printf(Locale.ROOT, "100 negatives for %,d test cases: %.0f ms%n", sc.size(),
          (System.nanoTime() - t0) / 1e6);
    }
  }
}
