package org.recsys.data.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.recsys.api.EvalCase;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

/**
 * The SASRec leave-one-out split. For a user with items {@code i_1..i_n} (n >= 3): training holds
 * {@code i_1..i_{n-2}}, the validation case is history {@code i_1..i_{n-2}} -> target {@code i_{n-1}}, and
 * the test case is history {@code i_1..i_{n-1}} (the validation item joins it) -> target {@code i_n}.
 * Users with fewer than 3 items are kept for training only or dropped, as the {@link ShortUserPolicy} says,
 * and counted. Cases rank all items ({@code candidates == null}); attach sampled candidates with
 * {@link org.recsys.data.sampling.SampledCandidates}.
 *
 * <p>Leave-one-out ignores global time: a user's test item may predate another user's training items. When
 * the data carries timestamps, the split says so in {@link DataSplit#warnings()}.
 */
public final class LeaveOneOutSplitter implements Splitter {
  /** The shortest sequence that gives a validation and a test case with a non-empty history. */
  public static final int MIN_LENGTH = 3;

  private final ShortUserPolicy shortUsers;

  /** The SASRec split: short users train only. */
  public LeaveOneOutSplitter() {
    this(ShortUserPolicy.TRAIN_ONLY);
  }

  public LeaveOneOutSplitter(ShortUserPolicy shortUsers) {
    this.shortUsers = Objects.requireNonNull(shortUsers, "shortUsers");
  }

  @Override
  public DataSplit split(SequenceDataset data) {
    List<UserSequence> train = new ArrayList<>(data.users().size());
    List<EvalCase> validation = new ArrayList<>();
    List<EvalCase> test = new ArrayList<>();
    int trainOnly = 0;
    int dropped = 0;
    boolean timestamps = false;
    for (UserSequence u : data.users()) {
      int n = u.length();
      timestamps |= u.hasTimestamps();
      if (n < MIN_LENGTH) {
        if (shortUsers == ShortUserPolicy.DROP || n == 0) {
          dropped++;
        } else {
          train.add(u);
          trainOnly++;
        }
        continue;
      }
      int[] items = u.items();
      int[] trainItems = Arrays.copyOf(items, n - 2);
      long[] trainTimes = u.hasTimestamps() ? Arrays.copyOf(u.timestamps(), n - 2) : new long[0];
      train.add(new UserSequence(u.user(), trainItems, trainTimes));
      validation.add(new EvalCase(u.user(), trainItems, new int[] {items[n - 2]}, null));
      test.add(new EvalCase(u.user(), Arrays.copyOf(items, n - 1), new int[] {items[n - 1]}, null));
    }
    if (test.isEmpty()) {
      throw new IllegalArgumentException("leave-one-out: no user has at least " + MIN_LENGTH
          + " interactions (" + data.users().size() + " users)");
    }
    Map<String, String> protocol = new LinkedHashMap<>();
    protocol.put("split", "leave-one-out");
    protocol.put("validation", "second-to-last item");
    protocol.put("test", "last item, validation item in history");
    protocol.put("shortUsers", shortUsers.configName());
    protocol.put("minLength", Integer.toString(MIN_LENGTH));
    List<String> warnings = new ArrayList<>();
    if (timestamps) {
      warnings.add("leave-one-out on data with real timestamps: test items of some users predate training items"
          + " of others, so scores may be optimistic; a temporal split avoids this leak");
    }
    return new DataSplit(new SequenceDataset(data.items(), train), validation, test, protocol, trainOnly, dropped,
        warnings);
  }
}
