package org.recsys.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

class ItemPopularityTest {
  @Test
  void countsInteractionsPerItemInTheTrainingData() {
    SequenceDataset data = new SequenceDataset(ItemVocabulary.of(List.of("a", "b", "c", "d")),
        List.of(UserSequence.of("u1", 1, 2, 1), UserSequence.of("u2", 2, 3)));
    ItemPopularity p = ItemPopularity.fromDataset(data);
    // Item 1 twice (a repeat counts), item 2 twice, item 3 once, item 4 never.
    assertThat(p.numItems()).isEqualTo(4);
    assertThat(new double[] {p.get(1), p.get(2), p.get(3), p.get(4)}).containsExactly(2, 2, 1, 0);
  }

  @Test
  void rejectsNegativeOrNonFiniteValues() {
    assertThatThrownBy(() -> ItemPopularity.of(new double[] {0, 1, -2}))
        .hasMessageContaining("popularity of item 2 must be finite and >= 0, got -2.0");
    assertThatThrownBy(() -> ItemPopularity.of(new double[] {0, Double.NaN})).hasMessageContaining("item 1");
    // Column 0 is padding and ignored.
    assertThat(ItemPopularity.of(new double[] {-5, 1}).get(0)).isZero();
  }
}
