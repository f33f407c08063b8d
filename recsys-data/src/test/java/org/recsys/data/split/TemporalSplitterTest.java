package org.recsys.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recsys.api.EvalCase;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

class TemporalSplitterTest {
  private static final ItemVocabulary VOCAB = ItemVocabulary.of(List.of("a", "b", "c", "d", "e", "f"));

  private static SequenceDataset data() {
    return new SequenceDataset(VOCAB, List.of(
        new UserSequence("u1", new int[] {1, 2, 3, 4, 5}, new long[] {10, 20, 30, 40, 50}),
        new UserSequence("u2", new int[] {6, 1}, new long[] {15, 25}),
        new UserSequence("u3", new int[] {2, 3, 2}, new long[] {45, 46, 47})));
  }

  @Test
  void cutsAtATimestampWithValidationInsideTheTrainingPeriod() {
    // Test cutoff 40: before it 10,15,20,25,30 (5 events); validation = last 0.4 of them -> cutoff at 25.
    DataSplit s = new TemporalSplitter(40L, 0.5, 0.4, TargetMode.NEXT).split(data());
    assertThat(s.train().users()).containsExactly(
        new UserSequence("u1", new int[] {1, 2}, new long[] {10, 20}),
        new UserSequence("u2", new int[] {6}, new long[] {15}));
    assertThat(s.validation()).containsExactly(
        EvalCase.fullRanking("u1", new int[] {1, 2}, 3), EvalCase.fullRanking("u2", new int[] {6}, 1));
    assertThat(s.test()).containsExactly(EvalCase.fullRanking("u1", new int[] {1, 2, 3}, 4));
    assertThat(s.usersTrainOnly()).isEqualTo(1); // u2: nothing after 40
    assertThat(s.usersDropped()).isEqualTo(1); // u3: nothing before 40
    assertThat(s.protocol()).containsEntry("split", "temporal").containsEntry("testCutoff", "40")
        .containsEntry("usersWithoutHistory", "1");
    for (UserSequence u : s.train().users()) {
      for (int i = 0; i < u.length(); i++) {
        assertThat(u.timestamp(i)).isLessThan(25);
      }
    }
  }

  @Test
  void allTargetsAreTheDistinctItemsAfterTheCutoff() {
    SequenceDataset d = new SequenceDataset(VOCAB, List.of(
        new UserSequence("u", new int[] {1, 2, 3, 2, 4}, new long[] {1, 2, 3, 4, 5})));
    DataSplit s = new TemporalSplitter(3L, 0.5, 0.0, TargetMode.ALL).split(d);
    assertThat(s.test()).containsExactly(new EvalCase("u", new int[] {1, 2}, new int[] {3, 2, 4}, null));
    assertThat(s.validation()).isEmpty();
    assertThat(s.train().users().get(0).items()).containsExactly(1, 2);
    assertThat(s.protocol()).containsEntry("testTargetsNotInTraining", "2");
  }

  @Test
  void quantileCutoffPutsThatShareOfEventsBeforeIt() {
    DataSplit s = new TemporalSplitter(null, 0.7, 0.0, TargetMode.NEXT).split(data());
    // 10 events, sorted times 10 15 20 25 30 40 45 46 47 50: the 0.7 quantile is 46.
    assertThat(s.protocol().get("testCutoff")).startsWith("46");
    assertThat(s.test()).containsExactly(EvalCase.fullRanking("u1", new int[] {1, 2, 3, 4}, 5),
        EvalCase.fullRanking("u3", new int[] {2}, 3));
  }

  @Test
  void dataWithoutTimesOrUnusableCutoffsAreClearErrors() {
    SequenceDataset untimed = new SequenceDataset(VOCAB, List.of(UserSequence.of("u", 1, 2, 3)));
    assertThatThrownBy(() -> new TemporalSplitter(null, 0.5, 0.1, TargetMode.NEXT).split(untimed))
        .hasMessageContaining("needs timestamps").hasMessageContaining("use leave-one-out");
    assertThatThrownBy(() -> new TemporalSplitter(5L, 0.5, 0.1, TargetMode.NEXT).split(data()))
        .hasMessageContaining("no interaction before the test cutoff 5");
    assertThatThrownBy(() -> new TemporalSplitter(100L, 0.5, 0.1, TargetMode.NEXT).split(data()))
        .hasMessageContaining("no interaction at or after the test cutoff 100");
  }

  @Test
  void optionsBuildTheRightSplitter() {
    assertThat(SplitOptions.leaveOneOut().splitter()).isInstanceOf(LeaveOneOutSplitter.class);
    assertThat(SplitOptions.temporal(0.8, 0.1).splitter()).isInstanceOf(TemporalSplitter.class);
    assertThatThrownBy(() -> new SplitOptions("random", null, null, null, null, null))
        .hasMessageContaining("valid: leave-one-out, temporal");
    assertThatThrownBy(() -> new SplitOptions("temporal", null, null, 1.5, null, null))
        .hasMessageContaining("quantile must be in (0, 1)");
  }
}
