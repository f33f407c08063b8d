package org.recsys.eval.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.recsys.api.EvaluationReport;
import org.recsys.api.MetricSummary;

/**
 * Compares two evaluations of the same cases, case by case: the mean difference with a bootstrap interval, a
 * paired t-test and a paired sign-flip permutation test.
 *
 * <p>The permutation test flips the sign of each non-zero per-case difference at random (under the null
 * hypothesis both systems are exchangeable within a case) and counts how often the absolute mean difference
 * is at least the observed one. With at most {@value #EXACT_LIMIT} non-zero differences it enumerates all sign
 * patterns, giving the exact p-value.
 */
public final class PairedTest {
  /** Up to this many non-zero differences the permutation test is exact. */
  public static final int EXACT_LIMIT = 16;
  /** Protocol entries that must agree for two reports to be comparable. */
  private static final List<String> TASK_KEYS =
      List.of("protocol", "excludeSeen", "items", "candidates", "ties", "truth");

  private final int bootstrapResamples;
  private final int permutations;
  private final long seed;

  /**
   * @param bootstrapResamples resamples for the interval of the difference (0: no interval)
   * @param permutations random sign flips when the test cannot be exact ({@code >= 1})
   * @param seed seed of the bootstrap and of the sign flips
   */
  public PairedTest(int bootstrapResamples, int permutations, long seed) {
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be >= 1, got " + permutations);
    }
    if (bootstrapResamples < 0) {
      throw new IllegalArgumentException("bootstrap resamples must be >= 0, got " + bootstrapResamples);
    }
    this.bootstrapResamples = bootstrapResamples;
    this.permutations = permutations;
    this.seed = seed;
  }

  /** 1000 bootstrap resamples and 10000 sign flips. */
  public static PairedTest withSeed(long seed) {
    return new PairedTest(1000, 10_000, seed);
  }

  /**
   * Compares one metric of two reports, which must come from the same cases in the same order under the same
   * ranking task (their protocol entries {@code protocol}, {@code excludeSeen}, {@code items},
   * {@code candidates}, {@code ties} and {@code truth} must agree).
   *
   * @throws IllegalArgumentException when the reports are not comparable or lack the metric's per-case values
   */
  public PairedComparison compare(EvaluationReport baseline, EvaluationReport candidate, String key) {
    requireComparable(baseline, candidate);
    return compare(key, baseline.values(key), candidate.values(key));
  }

  /** Compares every metric with per-case values in both reports, in the baseline's order. */
  public List<PairedComparison> compareAll(EvaluationReport baseline, EvaluationReport candidate) {
    requireComparable(baseline, candidate);
    List<PairedComparison> out = new ArrayList<>();
    for (Map.Entry<String, double[]> e : baseline.perCase().entrySet()) {
      if (candidate.perCase().containsKey(e.getKey())) {
        out.add(compare(e.getKey(), e.getValue(), candidate.perCase().get(e.getKey())));
      }
    }
    return out;
  }

  /** Compares paired per-case values: {@code baseline[i]} and {@code candidate[i]} belong to case {@code i}. */
  public PairedComparison compare(String key, double[] baseline, double[] candidate) {
    int n = baseline.length;
    if (candidate.length != n) {
      throw new IllegalArgumentException(key + ": " + n + " baseline values but " + candidate.length
          + " candidate values; a paired comparison needs the same cases");
    }
    if (n < 2) {
      throw new IllegalArgumentException(key + ": a paired comparison needs at least 2 cases, got " + n);
    }
    double[] d = new double[n];
    double sumA = 0;
    double sumB = 0;
    for (int i = 0; i < n; i++) {
      d[i] = candidate[i] - baseline[i];
      sumA += baseline[i];
      sumB += candidate[i];
    }
    MetricSummary diff = new Bootstrap(bootstrapResamples, seed).summarize(d);
    double mean = diff.mean();
    double ss = 0;
    for (double v : d) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    double t;
    double tP;
    // Rounding can leave a tiny spread when all differences are equal; treat that as no spread.
    if (sd <= 1e-12 * Math.max(1, Math.abs(mean))) {
      t = mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
      tP = mean == 0 ? 1 : 0;
    } else {
      t = mean / (sd / Math.sqrt(n));
      tP = StudentT.twoSidedP(t, n - 1);
    }
    double[] nonZero = nonZero(d);
    boolean exact = nonZero.length <= EXACT_LIMIT;
    double permP = exact ? exactSignFlipP(nonZero) : randomSignFlipP(nonZero);
    return new PairedComparison(key, n, sumA / n, sumB / n, mean, diff.ciLow(), diff.ciHigh(), t, tP, permP,
        exact);
  }

  private static void requireComparable(EvaluationReport a, EvaluationReport b) {
    if (a.cases() != b.cases()) {
      throw new IllegalArgumentException("the reports cover " + a.cases() + " and " + b.cases()
          + " cases; a paired comparison needs the same cases");
    }
    for (String k : TASK_KEYS) {
      if (!Objects.equals(a.protocol().get(k), b.protocol().get(k))) {
        throw new IllegalArgumentException("the reports differ in protocol entry '" + k + "' ("
            + a.protocol().get(k) + " vs " + b.protocol().get(k) + "); numbers from different protocols cannot be"
            + " paired");
      }
    }
  }

  private static double[] nonZero(double[] d) {
    int nz = 0;
    for (double v : d) {
      nz += v != 0 ? 1 : 0;
    }
    double[] out = new double[nz];
    int j = 0;
    for (double v : d) {
      if (v != 0) {
        out[j++] = v;
      }
    }
    return out;
  }

  /** Slack for "at least as extreme", so that a sign pattern equal to the observed one always counts. */
  private static double tolerance(double[] d) {
    double scale = 0;
    for (double v : d) {
      scale += Math.abs(v);
    }
    return 1e-9 * scale;
  }

  private static double exactSignFlipP(double[] d) {
    if (d.length == 0) {
      return 1;
    }
    double observed = 0;
    for (double v : d) {
      observed += v;
    }
    double bar = Math.abs(observed) - tolerance(d);
    long patterns = 1L << d.length;
    long extreme = 0;
    for (long mask = 0; mask < patterns; mask++) {
      double s = 0;
      for (int i = 0; i < d.length; i++) {
        s += ((mask >>> i) & 1) == 0 ? d[i] : -d[i];
      }
      extreme += Math.abs(s) >= bar ? 1 : 0;
    }
    return (double) extreme / patterns;
  }

  private double randomSignFlipP(double[] d) {
    double observed = 0;
    for (double v : d) {
      observed += v;
    }
    double bar = Math.abs(observed) - tolerance(d);
    // A generator of its own, so the p-value does not depend on how many bootstrap draws came first.
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    long extreme = 0;
    for (int r = 0; r < permutations; r++) {
      double s = 0;
      long bits = 0;
      for (int i = 0; i < d.length; i++) {
        if ((i & 63) == 0) {
          bits = rng.nextLong();
        }
        s += (bits & 1) == 0 ? d[i] : -d[i];
        bits >>>= 1;
      }
      extreme += Math.abs(s) >= bar ? 1 : 0;
    }
    return (1.0 + extreme) / (1.0 + permutations);
  }
}
