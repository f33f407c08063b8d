package org.recsys.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;
import org.recsys.data.sampling.AliasTable;

/**
 * Generates a sequence data set with planted sequential structure (see {@link SyntheticConfig} for the
 * process). Users are named {@code "1".."users"}, items {@code "1".."items"} with internal id equal to the
 * external one. No user repeats an item. Timestamps are seconds, strictly increasing per user. The result
 * depends only on the config: the same seed always gives the same data set.
 */
public final class SyntheticGenerator {
  /** Timestamps start here (2020-09-13T12:26:40Z) and advance by 1 minute to 2 days per step. */
  static final long START_TIME = 1_600_000_000L;
  private static final int MAX_REJECTIONS = 64;

  private final SyntheticConfig config;
  private final int numItems;
  private final int[] clusterOf;
  private final int[][] members;
  private final double[][] memberWeights;
  /** clusterChain[style][cluster] = {stay, next1, next2} clusters, drawn with CHAIN_WEIGHTS. */
  private final int[][][] clusterChain;
  /** successors[style][item] = item-level successors, drawn uniformly among those the user has not seen. */
  private final int[][][] successors;
  private final double[] popularity;
  private final AliasTable globalPopularity;
  private static final double[] CHAIN_WEIGHTS = {0.2, 0.5, 0.3};

  private SyntheticGenerator(SyntheticConfig config) {
    this.config = config;
    this.numItems = config.items();
    SplittableRandom random = new SplittableRandom(config.seed());
    int clusters = config.clusters();
    int[] perm = permutation(numItems, random);
    clusterOf = new int[numItems + 1];
    int[] sizes = new int[clusters];
    for (int k = 0; k < numItems; k++) {
      clusterOf[perm[k]] = k % clusters;
      sizes[k % clusters]++;
    }
    popularity = new double[numItems + 1];
    int[] rank = permutation(numItems, random);
    for (int k = 0; k < numItems; k++) {
      popularity[rank[k]] = 1.0 / Math.pow(k + 1, config.popularitySkew());
    }
    globalPopularity = new AliasTable(popularity);
    members = new int[clusters][];
    memberWeights = new double[clusters][];
    for (int c = 0; c < clusters; c++) {
      members[c] = new int[sizes[c]];
      memberWeights[c] = new double[sizes[c]];
    }
    int[] fill = new int[clusters];
    for (int item = 1; item <= numItems; item++) {
      int c = clusterOf[item];
      members[c][fill[c]] = item;
      memberWeights[c][fill[c]++] = popularity[item];
    }
    int styles = config.styles();
    clusterChain = new int[styles][clusters][];
    for (int s = 0; s < styles; s++) {
      for (int c = 0; c < clusters; c++) {
        int next1 = clusters == 1 ? c : (c + 1 + random.nextInt(clusters - 1)) % clusters;
        int next2 = next1;
        while (clusters > 2 && (next2 == c || next2 == next1)) {
          next2 = random.nextInt(clusters);
        }
        clusterChain[s][c] = new int[] {c, next1, next2};
      }
    }
    int f = config.successors();
    successors = new int[styles][numItems + 1][];
    for (int s = 0; s < styles; s++) {
      for (int item = 1; item <= numItems; item++) {
        int[] chain = clusterChain[s][clusterOf[item]];
        int[] succ = new int[f];
        for (int j = 0; j < f; j++) {
          // Successors lie in the style's next clusters, chosen uniformly so they are not just popular items.
          int[] pool = members[chain[1 + (j % 2)]];
          int candidate;
          int tries = 0;
          do {
            candidate = pool[random.nextInt(pool.length)];
          } while ((candidate == item || contains(succ, j, candidate)) && ++tries < 100);
          succ[j] = candidate;
        }
        successors[s][item] = succ;
      }
    }
  }

  /** Generates the data set described by {@code config}. */
  public static SequenceDataset generate(SyntheticConfig config) {
    return new SyntheticGenerator(config).generateUsers();
  }

  private SequenceDataset generateUsers() {
    // A separate stream for users, so that the planted structure does not depend on the number of users.
    SplittableRandom random = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + 1);
    int[] seenStamp = new int[numItems + 1];
    List<UserSequence> users = new ArrayList<>(config.users());
    int span = config.maxLength() - config.minLength() + 1;
    for (int u = 1; u <= config.users(); u++) {
      int style = random.nextInt(config.styles());
      double x = random.nextDouble();
      int length = config.minLength() + (int) (span * x * x);
      int[] items = new int[length];
      long[] times = new long[length];
      long time = START_TIME + random.nextLong(86_400L * 365);
      int prev = globalPopular(random, seenStamp, u);
      items[0] = prev;
      seenStamp[prev] = u;
      times[0] = time;
      for (int t = 1; t < length; t++) {
        double r = random.nextDouble();
        int next = 0;
        if (r < config.noise()) {
          next = globalPopular(random, seenStamp, u);
        } else if (r < config.noise() + config.transition()) {
          next = pickSuccessor(successors[style][prev], random, seenStamp, u);
        }
        if (next == 0) {
          int[] chain = clusterChain[style][clusterOf[prev]];
          double rc = random.nextDouble();
          int cluster = rc < CHAIN_WEIGHTS[0] ? chain[0] : rc < CHAIN_WEIGHTS[0] + CHAIN_WEIGHTS[1] ? chain[1] : chain[2];
          next = pickInCluster(cluster, random, seenStamp, u);
          if (next == 0) {
            next = globalPopular(random, seenStamp, u);
          }
        }
        items[t] = next;
        seenStamp[next] = u;
        time += 60 + random.nextLong(2 * 86_400L);
        times[t] = time;
        prev = next;
      }
      users.add(new UserSequence(Integer.toString(u), items, times));
    }
    List<String> ids = new ArrayList<>(numItems);
    for (int i = 1; i <= numItems; i++) {
      ids.add(Integer.toString(i));
    }
    return new SequenceDataset(ItemVocabulary.of(ids), users);
  }

  private int pickSuccessor(int[] succ, SplittableRandom random, int[] seenStamp, int user) {
    int unseen = 0;
    for (int item : succ) {
      if (seenStamp[item] != user) {
        unseen++;
      }
    }
    if (unseen == 0) {
      return 0;
    }
    int k = random.nextInt(unseen);
    for (int item : succ) {
      if (seenStamp[item] != user && k-- == 0) {
        return item;
      }
    }
    throw new AssertionError("unreachable");
  }

  private int pickInCluster(int cluster, SplittableRandom random, int[] seenStamp, int user) {
    int[] pool = members[cluster];
    double[] w = memberWeights[cluster];
    double total = 0;
    for (int j = 0; j < pool.length; j++) {
      if (seenStamp[pool[j]] != user) {
        total += w[j];
      }
    }
    if (total == 0) {
      return 0;
    }
    double r = random.nextDouble() * total;
    int last = 0;
    for (int j = 0; j < pool.length; j++) {
      if (seenStamp[pool[j]] != user) {
        last = pool[j];
        r -= w[j];
        if (r < 0) {
          return pool[j];
        }
      }
    }
    return last;
  }

  private int globalPopular(SplittableRandom random, int[] seenStamp, int user) {
    for (int tries = 0; tries < MAX_REJECTIONS; tries++) {
      int item = globalPopularity.sample(random);
      if (item != 0 && seenStamp[item] != user) {
        return item;
      }
    }
    // The user has seen most popular items: draw among the unseen ones directly.
    double total = 0;
    for (int item = 1; item <= numItems; item++) {
      if (seenStamp[item] != user) {
        total += popularity[item];
      }
    }
    double r = random.nextDouble() * total;
    int last = 0;
    for (int item = 1; item <= numItems; item++) {
      if (seenStamp[item] != user) {
        last = item;
        r -= popularity[item];
        if (r < 0) {
          return item;
        }
      }
    }
    return last;
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  /** A random permutation of 1..n. */
  private static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i + 1;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }
}
