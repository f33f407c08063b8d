package org.recsys.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recsys.api.EvalCase;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

class LeaveOneOutSplitterTest {
  private static final ItemVocabulary VOCAB = ItemVocabulary.of(List.of("a", "b", "c", "d", "e", "f"));

  private static SequenceDataset data() {
    return new SequenceDataset(VOCAB, List.of(
        UserSequence.of("u1", 1, 2, 3, 4, 5),
        UserSequence.of("u2", 6, 5),
        UserSequence.of("u3", 3, 1, 2),
        UserSequence.of("u4")));
  }

  @Test
  void holdsOutLastForTestAndSecondToLastForValidation() {
    DataSplit s = new LeaveOneOutSplitter().split(data());
    assertThat(s.train().users()).containsExactly(
        UserSequence.of("u1", 1, 2, 3), UserSequence.of("u2", 6, 5), UserSequence.of("u3", 3));
    assertThat(s.validation()).containsExactly(
        EvalCase.fullRanking("u1", new int[] {1, 2, 3}, 4), EvalCase.fullRanking("u3", new int[] {3}, 1));
    assertThat(s.test()).containsExactly(
        EvalCase.fullRanking("u1", new int[] {1, 2, 3, 4}, 5), EvalCase.fullRanking("u3", new int[] {3, 1}, 2));
    assertThat(s.usersTrainOnly()).isEqualTo(1);
    assertThat(s.usersDropped()).isEqualTo(1); // the empty user
    assertThat(s.protocol()).containsEntry("split", "leave-one-out").containsEntry("shortUsers", "train-only");
    assertThat(s.warnings()).isEmpty();
    assertThat(s.train().items()).isSameAs(VOCAB);
  }

  @Test
  void dropPolicyLeavesShortUsersOut() {
    DataSplit s = new LeaveOneOutSplitter(ShortUserPolicy.DROP).split(data());
    assertThat(s.train().users()).extracting(UserSequence::user).containsExactly("u1", "u3");
    assertThat(s.usersTrainOnly()).isZero();
    assertThat(s.usersDropped()).isEqualTo(2);
    assertThat(s.protocol()).containsEntry("shortUsers", "drop");
  }

  @Test
  void trainingTimestampsAreCutAndRealTimestampsRaiseTheLeakWarning() {
    SequenceDataset d = new SequenceDataset(VOCAB, List.of(
        new UserSequence("u1", new int[] {1, 2, 3, 4}, new long[] {10, 20, 30, 40})));
    DataSplit s = new LeaveOneOutSplitter().split(d);
    assertThat(s.train().users().get(0).timestamps()).containsExactly(10, 20);
    assertThat(s.warnings()).singleElement().asString().contains("real timestamps");
  }

  @Test
  void noUserLongEnoughIsAClearError() {
    SequenceDataset d = new SequenceDataset(VOCAB, List.of(UserSequence.of("u1", 1, 2)));
    assertThatThrownBy(() -> new LeaveOneOutSplitter().split(d))
        .hasMessageContaining("no user has at least 3 interactions");
  }

  @Test
  void policyParsesConfigSpellings() {
    assertThat(ShortUserPolicy.parse("split.shortUsers", "TRAIN_ONLY")).isEqualTo(ShortUserPolicy.TRAIN_ONLY);
    assertThat(ShortUserPolicy.parse("split.shortUsers", "drop")).isEqualTo(ShortUserPolicy.DROP);
    assertThatThrownBy(() -> ShortUserPolicy.parse("split.shortUsers", "keep"))
        .hasMessageContaining("valid: train-only, drop");
  }
}
