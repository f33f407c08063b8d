package org.recsys.attention.testing;

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
import org.recsys.api.EvalCase;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.Recommender;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;
import org.recsys.data.sampling.NegativeSampler;

/**
 * What the model benchmarks share, so that their figures are comparable: the {@code user item} reader (ML-1M as
 * the SASRec paper preprocessed it, item ids kept), the sampled-100 candidate protocol of the SASRec reference
 * evaluation, {@code key=value} options, resident memory and {@code recommend} latency.
 */
public final class BenchSupport {
  private BenchSupport() {}

  /** The {@code key=value} arguments from index {@code from} on, in order (a later key replaces an earlier). */
  public static Map<String, String> options(String[] args, int from) {
    Map<String, String> opt = new LinkedHashMap<>();
    for (int i = from; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      opt.put(kv[0], kv[1]);
    }
    return opt;
  }

  /** Reads {@code user item} lines (in time order per user) into a data set with item ids as given. */
  public static SequenceDataset read(Path file) throws IOException {
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

  /** The cases with the target among 100 uniformly drawn items the user never interacted with. */
  public static List<EvalCase> sampled(List<EvalCase> cases, SequenceDataset data, long seed) {
    NegativeSampler sampler = NegativeSampler.uniform(data.numItems(), seed);
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

  /** Current and peak resident set size in kB (Linux; -1 elsewhere). */
  public static long[] memoryKb() {
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

  /** Prints p50 / p99 / max of {@code recommend(history, 10)} over random cases, after a warm-up. */
  public static void latency(Recommender model, List<EvalCase> cases) {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 500; i++) {
      model.recommend(cases.get(r.nextInt(cases.size())).history(), 10);
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
}
