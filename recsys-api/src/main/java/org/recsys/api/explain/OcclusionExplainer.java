package org.recsys.api.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.recsys.api.HistoryWindow;
import org.recsys.api.Recommender;
import org.recsys.api.ScoredItem;

/**
 * Explains a model's scores by occlusion: for each history item, how much an item's score drops when that one
 * history item is left out (the others keep their order). Works for any {@link Recommender}, whatever its
 * internals, because it only asks the model for scores.
 *
 * <p>A history of {@code n} items costs one {@link Recommender#scoreCandidates} call over {@code n + 1}
 * histories (the history itself and its {@code n} leave-one-out variants) with the explained items as each
 * one's candidates: the model's own batched scoring, so the cost is that of scoring {@code n + 1} histories at
 * once. A model that says it reads only its {@link HistoryWindow} of recent items gets no leave-one-out
 * histories for the items before it: leaving one of those out gives the model the same input, so their drop is
 * 0 without scoring.
 *
 * <p>Occlusion measures what the model does without an item, which is the question "why this recommendation"
 * asks. It does not add up across items (two items that each suffice alone both show a small drop), which is
 * why shares are given relative to the total rather than as parts of the score.
 *
 * <p>With more than one thread, the {@code n + 1} histories are dealt into interleaved parts (history {@code i}
 * to part {@code i mod parts}, the calling thread taking part 0), each scored at once: the scores are the ones
 * one call gives, as a model's scores do not depend on the batch beyond rounding. Interleaving gives each part
 * variants from all along the history, so that a model whose cost depends on where the left-out item lies (a
 * causal encoder computes the rows before it once for all the variants of a batch) gets equal parts.
 *
 * <p>Thread-safe when the model is (every {@link Recommender} is).
 */
public final class OcclusionExplainer {
  private static final Comparator<Contribution> LARGEST_DROP_FIRST = Comparator
      .comparingDouble(Contribution::drop).reversed()
      .thenComparing(Comparator.comparingInt(Contribution::position).reversed());

  /** Fewer histories than this per part are not worth a thread. */
  private static final int MIN_PART = 16;

  private final Recommender model;
  private final int threads;

  /** An explainer that scores on the calling thread only. */
  public OcclusionExplainer(Recommender model) {
    this(model, 1);
  }

  /** @param threads how many threads score the leave-one-out histories of one call (the calling one included) */
  public OcclusionExplainer(Recommender model, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.model = Objects.requireNonNull(model, "model");
    this.threads = threads;
  }

  /**
   * The {@code k} best items for {@code history} that are not in {@code exclude} (as
   * {@link Recommender#recommend(int[], int, int[])} ranks them), each explained.
   *
   * @throws IllegalArgumentException if the history or exclusions hold an id outside {@code 1..numItems()}
   */
  public List<Explanation> recommend(int[] history, int k, int[] exclude) {
    List<ScoredItem> top = model.recommend(history, k, exclude);
    return explain(history, top.stream().mapToInt(ScoredItem::item).toArray());
  }

  /**
   * Explains the given items' scores for {@code history}, in the order given.
   *
   * @param items internal ids of the items to explain
   * @throws IllegalArgumentException if the history or the items hold an id outside {@code 1..numItems()}
   */
  public List<Explanation> explain(int[] history, int[] items) {
    int n = model.numItems();
    checkIds(history, n, "history");
    checkIds(items, n, "items");
    if (items.length == 0) {
      return List.of();
    }
    int first = firstRead(history.length);
    List<int[]> batch = new ArrayList<>(history.length - first + 1);
    batch.add(history);
    for (int p = first; p < history.length; p++) {
      batch.add(without(history, p));
    }
    float[][] scores = score(batch, items);
    List<Explanation> out = new ArrayList<>(items.length);
    for (int j = 0; j < items.length; j++) {
      out.add(explanation(history, first, items[j], j, scores));
    }
    return out;
  }

  private float[][] score(List<int[]> batch, int[] items) {
    int parts = Math.max(1, Math.min(threads, batch.size() / MIN_PART));
    float[][] scores = new float[batch.size()][];
    Thread[] helpers = new Thread[parts - 1];
    RuntimeException[] failures = new RuntimeException[parts];
    for (int t = 1; t < parts; t++) {
      int part = t;
      helpers[t - 1] = new Thread(() -> failures[part] = scorePart(batch, items, part, parts, scores),
          "occlusion-" + t);
      helpers[t - 1].setDaemon(true);
      helpers[t - 1].start();
    }
    failures[0] = scorePart(batch, items, 0, parts, scores);
    boolean interrupted = false;
    for (Thread h : helpers) {
      while (true) {
        try {
          h.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    for (RuntimeException f : failures) {
      if (f != null) {
        throw f;
      }
    }
    for (float[] row : scores) {
      if (row == null) {
        throw new IllegalStateException("a scoring thread of the occlusion explainer died without a result");
      }
    }
    return scores;
  }

  /** Scores part {@code part} of {@code parts} (every {@code parts}-th history); returns the failure or null. */
  private RuntimeException scorePart(List<int[]> batch, int[] items, int part, int parts, float[][] scores) {
    try {
      List<int[]> histories = new ArrayList<>(batch.size() / parts + 1);
      for (int i = part; i < batch.size(); i += parts) {
        histories.add(batch.get(i));
      }
      int[][] candidates = new int[histories.size()][];
      Arrays.fill(candidates, items);
      float[][] s = model.scoreCandidates(histories, candidates);
      for (int j = 0; j < s.length; j++) {
        scores[part + j * parts] = s[j];
      }
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** The first history position the model reads. */
  private int firstRead(int length) {
    if (model instanceof HistoryWindow w) {
      return Math.max(0, length - Math.max(0, w.historyWindow()));
    }
    return 0;
  }

  private static Explanation explanation(int[] history, int first, int item, int column, float[][] scores) {
    float full = scores[0][column];
    double[] drops = new double[history.length];
    double positive = 0;
    for (int p = first; p < history.length; p++) {
      drops[p] = (double) full - scores[p - first + 1][column];
      positive += Math.max(drops[p], 0);
    }
    List<Contribution> contributions = new ArrayList<>(history.length);
    for (int p = 0; p < history.length; p++) {
      double share = positive > 0 ? Math.min(1, Math.max(drops[p], 0) / positive) : 0;
      contributions.add(new Contribution(p, history[p], drops[p], share));
    }
    contributions.sort(LARGEST_DROP_FIRST);
    return new Explanation(item, full, contributions);
  }

  private static int[] without(int[] history, int p) {
    int[] h = new int[history.length - 1];
    System.arraycopy(history, 0, h, 0, p);
    System.arraycopy(history, p + 1, h, p, history.length - p - 1);
    return h;
  }

  private static void checkIds(int[] ids, int n, String what) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < 1 || ids[i] > n) {
        throw new IllegalArgumentException(what + ": item id " + ids[i] + " at position " + i
            + " is out of range (valid: 1.." + n + ")");
      }
    }
  }
}
