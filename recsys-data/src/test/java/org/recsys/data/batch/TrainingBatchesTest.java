package org.recsys.data.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;
import org.recsys.data.sampling.NegativeSampler;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

class TrainingBatchesTest {
  private static final ItemVocabulary VOCAB = ItemVocabulary.of(List.of("a", "b", "c", "d", "e", "f", "g", "h"));

  private static SequenceDataset small() {
    return new SequenceDataset(VOCAB, List.of(
        UserSequence.of("u1", 1, 2, 3),
        UserSequence.of("u2", 4),
        UserSequence.of("u3", 1, 2, 3, 4, 5, 6, 7)));
  }

  @Test
  void windowsAreRightAlignedLeftPaddedAndKeepTheMostRecentItems() {
    TrainingBatches b = new TrainingBatches(small(), 4, 2, 1);
    assertThat(b.numWindows()).isEqualTo(2); // u2 has a single item: nothing to predict
    Batch w0 = b.window(0);
    assertThat(w0.users()).containsExactly(0);
    assertThat(w0.inputs()).containsExactly(0, 0, 1, 2);
    assertThat(w0.targets()).containsExactly(0, 0, 2, 3);
    Batch w1 = b.window(1);
    assertThat(w1.users()).containsExactly(2);
    assertThat(w1.inputs()).containsExactly(3, 4, 5, 6);
    assertThat(w1.targets()).containsExactly(4, 5, 6, 7);
    assertThat(w0.targetCount()).isEqualTo(2);
    assertThat(w1.negatives()).isEmpty();
  }

  @Test
  void negativesAreUnseenAndZeroAtPadding() {
    TrainingBatches b = new TrainingBatches(small(), 5, 2, 1).withNegatives(NegativeSampler.uniform(8, 3), 2);
    Batch w = b.window(0); // u1: inputs 0 0 0 1 2
    assertThat(w.negativesPerPosition()).isEqualTo(2);
    assertThat(w.negatives()).hasSize(10);
    for (int t = 0; t < 5; t++) {
      for (int k = 0; k < 2; k++) {
        int neg = w.negative(0, t, k);
        if (w.target(0, t) == 0) {
          assertThat(neg).isZero();
        } else {
          assertThat(neg).isBetween(4, 8);
        }
      }
    }
  }

  @Test
  void anEpochCoversEveryWindowOnceInASeededOrder() {
    SequenceDataset d = SyntheticGenerator.generate(SyntheticConfig.tiny());
    TrainingBatches b = new TrainingBatches(d, 10, 64, 7).withNegatives(NegativeSampler.uniform(60, 0), 1);
    assertThat(b.batchesPerEpoch()).isEqualTo(5); // 300 windows
    List<Integer> e1 = order(b.epoch(1));
    assertThat(new HashSet<>(e1)).hasSize(300);
    assertThat(order(b.epoch(1))).isEqualTo(e1);
    assertThat(order(b.epoch(2))).isNotEqualTo(e1);
    assertThat(order(new TrainingBatches(d, 10, 64, 8).epoch(1))).isNotEqualTo(e1);
    // Negatives of an epoch do not depend on what was drawn before.
    TrainingBatches fresh = new TrainingBatches(d, 10, 64, 7).withNegatives(NegativeSampler.uniform(60, 0), 1);
    assertThat(fresh.epoch(2).next().negatives()).isEqualTo(b.epoch(2).next().negatives());
    Iterator<Batch> it = b.epoch(3);
    int rows = 0;
    while (it.hasNext()) {
      Batch x = it.next();
      assertThat(x.inputs()).hasSize(x.size() * 10);
      rows += x.size();
      for (int r = 0; r < x.size(); r++) {
        UserSequence u = d.users().get(x.users()[r]);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < u.length(); i++) {
          seen.add(u.item(i));
        }
        assertThat(x.target(r, 9)).isEqualTo(u.item(u.length() - 1));
        for (int t = 0; t < 10; t++) {
          if (x.target(r, t) != 0) {
            assertThat(seen).doesNotContain(x.negative(r, t, 0));
          }
        }
      }
    }
    assertThat(rows).isEqualTo(300);
  }

  @Test
  void invalidArgumentsAreClearErrors() {
    assertThatThrownBy(() -> new TrainingBatches(small(), 0, 2, 1)).hasMessageContaining("maxLen must be >= 1");
    SequenceDataset singles = new SequenceDataset(VOCAB, List.of(UserSequence.of("u", 1)));
    assertThatThrownBy(() -> new TrainingBatches(singles, 5, 2, 1)).hasMessageContaining("nothing to learn");
  }

  private static List<Integer> order(Iterator<Batch> it) {
    List<Integer> users = new ArrayList<>();
    while (it.hasNext()) {
      for (int u : it.next().users()) {
        users.add(u);
      }
    }
    return users;
  }
}
