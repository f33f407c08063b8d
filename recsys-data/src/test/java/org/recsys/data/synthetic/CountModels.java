package org.recsys.data.synthetic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recsys.api.EvalCase;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

/** Count-based reference models used to check that synthetic data is learnable. Scores index by item id. */
final class CountModels {
  private final int n;
  final double[] popularity;
  private final double[][] first;
  private final Map<Long, double[]> second = new HashMap<>();
  private final double[][] skip;

  CountModels(SequenceDataset train) {
    n = train.numItems();
    popularity = new double[n + 1];
    first = new double[n + 1][n + 1];
    skip = new double[n + 1][n + 1];
    for (UserSequence u : train.users()) {
      for (int i = 0; i < u.length(); i++) {
        popularity[u.item(i)]++;
        if (i >= 1) {
          first[u.item(i - 1)][u.item(i)]++;
        }
        if (i >= 2) {
          skip[u.item(i - 2)][u.item(i)]++;
          second.computeIfAbsent(key(u.item(i - 2), u.item(i - 1)), k -> new double[n + 1])[u.item(i)]++;
        }
      }
    }
  }

  private long key(int a, int b) {
    return (long) a * (n + 1) + b;
  }

  double[] mostPopular(int[] history) {
    return popularity.clone();
  }

  double[] firstOrder(int[] history) {
    double[] s = new double[n + 1];
    double[] row = first[history[history.length - 1]];
    for (int i = 1; i <= n; i++) {
      s[i] = row[i] + 1e-6 * popularity[i];
    }
    return s;
  }

  /** Second-order counts, backing off to first order and then to popularity. */
  double[] secondOrder(int[] history) {
    double[] s = firstOrder(history);
    if (history.length >= 2) {
      double[] row = second.get(key(history[history.length - 2], history[history.length - 1]));
      if (row != null) {
        for (int i = 1; i <= n; i++) {
          s[i] += 1000 * row[i];
        }
      }
    }
    return s;
  }

  /** First-order counts sharpened by the two-step counts from the item before the last. */
  double[] twoStep(int[] history) {
    double[] s = firstOrder(history);
    if (history.length >= 2) {
      double[] row = skip[history[history.length - 2]];
      for (int i = 1; i <= n; i++) {
        s[i] *= row[i] + 0.5;
      }
    }
    return s;
  }

  /** HR@k over full ranking of unseen items. */
  static double hitRate(List<EvalCase> cases, java.util.function.Function<int[], double[]> model, int k) {
    int hits = 0;
    for (EvalCase c : cases) {
      int[] h = c.history();
      double[] s = model.apply(h);
      s[0] = Double.NEGATIVE_INFINITY;
      for (int item : h) {
        s[item] = Double.NEGATIVE_INFINITY;
      }
      int target = c.targets()[0];
      int better = 0;
      for (int i = 1; i < s.length; i++) {
        if (s[i] > s[target] || (s[i] == s[target] && i < target)) {
          better++;
        }
      }
      if (better < k) {
        hits++;
      }
    }
    return (double) hits / cases.size();
  }
}
