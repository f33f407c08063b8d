package org.recsys.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

/**
 * A data set with one planted rule, for checking what explanations say: item {@code cause} is always followed
 * at once by item {@code effect}, and {@code effect} appears nowhere else. Every other step is an item drawn
 * uniformly among those the user has not had (no user repeats an item). Items are named {@code "1".."items"}
 * with internal id equal to the external one, users {@code "1".."users"}.
 *
 * @param users number of users
 * @param items number of items, {@code >= maxLength + 2}
 * @param minLength shortest sequence, {@code >= 3}
 * @param maxLength longest sequence
 * @param cause the item that is always followed by {@code effect}
 * @param effect the item that follows {@code cause}
 * @param causeRate the probability that a user's sequence contains the pair, placed at a uniform position
 * @param seed the seed of every draw; the same record always gives the same data
 */
public record PlantedPair(int users, int items, int minLength, int maxLength, int cause, int effect,
    double causeRate, long seed) {
  public PlantedPair {
    if (users < 1 || minLength < 3 || maxLength < minLength || items < maxLength + 2) {
      throw new IllegalArgumentException("planted pair: need users >= 1, 3 <= minLength <= maxLength <= items - 2;"
          + " got " + users + " users, " + items + " items, lengths " + minLength + ".." + maxLength);
    }
    if (cause < 1 || cause > items || effect < 1 || effect > items || cause == effect) {
      throw new IllegalArgumentException("planted pair: cause " + cause + " and effect " + effect
          + " must be two different items of 1.." + items);
    }
    if (!(causeRate >= 0 && causeRate <= 1)) {
      throw new IllegalArgumentException("planted pair: causeRate must be in [0, 1], got " + causeRate);
    }
  }

  /** The data set. */
  public SequenceDataset generate() {
    SplittableRandom random = new SplittableRandom(seed);
    List<UserSequence> sequences = new ArrayList<>(users);
    for (int u = 1; u <= users; u++) {
      int length = minLength + random.nextInt(maxLength - minLength + 1);
      // Where the pair goes, if anywhere: any position that leaves room for the effect.
      int pairAt = random.nextDouble() < causeRate ? random.nextInt(length - 1) : -1;
      boolean[] seen = new boolean[items + 1];
      seen[cause] = true;
      seen[effect] = true;
      int[] sequence = new int[length];
      for (int t = 0; t < length; t++) {
        if (t == pairAt) {
          sequence[t] = cause;
          sequence[++t] = effect;
          continue;
        }
        int item;
        do {
          item = 1 + random.nextInt(items);
        } while (seen[item]);
        seen[item] = true;
        sequence[t] = item;
      }
      sequences.add(UserSequence.of(Integer.toString(u), sequence));
    }
    List<String> ids = new ArrayList<>(items);
    for (int i = 1; i <= items; i++) {
      ids.add(Integer.toString(i));
    }
    return new SequenceDataset(ItemVocabulary.of(ids), sequences);
  }
}
