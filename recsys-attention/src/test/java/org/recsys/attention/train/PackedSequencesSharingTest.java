package org.recsys.attention.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recsys.attention.layer.Rows;

class PackedSequencesSharingTest {
  private static final int MAX_LEN = 5;
  private static final int ITEMS = 9;

  @Test
  void sequencesKeepOnlyTheRowsAfterThePrefixTheyShareWithARoot() {
    // Window positions (maxLen 5, right-aligned): a 4-item history starts at 1, a 3-item one at 2.
    PackedSequences packed = PackedSequences.fromHistories(List.of(
        new int[] {1, 2, 3, 4}, // 0: all 4 rows in common with 4, 3 with 1, 2 with 2
        new int[] {1, 2, 3, 5}, // 1
        new int[] {1, 2, 6, 7}, // 2
        new int[] {2, 3, 4}, // 3: at positions 2..4, where 0 has items 2 3 4 too, but its first row is item 1
        new int[] {1, 2, 3, 4}), // 4: the same as 0, yet keeps its last row, the one scored
        MAX_LEN, ITEMS);
    PackedSequences shared = packed.sharingPrefixes(2);

    // Longest prefix in common with any other: 0 -> 4 rows (with 4), 4 -> 4, 1 -> 3, 2 -> 2, 3 -> 0.
    // Roots in that order: 0 becomes the root; 4 shares 3 (keeps its last row), 1 shares 3, 2 shares 2.
    assertThat(shared.sharesPrefixes()).isTrue();
    assertThat(new int[] {shared.prefixRoot(0), shared.prefixRoot(1), shared.prefixRoot(2), shared.prefixRoot(3),
        shared.prefixRoot(4)}).containsExactly(-1, 0, 0, -1, 0);
    assertThat(new int[] {shared.sharedRows(0), shared.sharedRows(1), shared.sharedRows(2), shared.sharedRows(3),
        shared.sharedRows(4)}).containsExactly(0, 3, 2, 0, 3);
    assertThat(shared.start).containsExactly(0, 4, 5, 7, 10, 11);
    assertThat(shared.items).containsExactly(1, 2, 3, 4, 5, 6, 7, 2, 3, 4, 4);
    assertThat(shared.positions).containsExactly(1, 2, 3, 4, 4, 3, 4, 2, 3, 4, 4);
    assertThat(packed.sharesPrefixes()).as("the original is left as it was").isFalse();
  }

  @Test
  void prefixesShorterThanTheMinimumAreNotShared() {
    PackedSequences packed = PackedSequences.fromHistories(List.of(new int[] {1, 2, 3, 4}, new int[] {1, 2, 6, 7}),
        MAX_LEN, ITEMS);
    assertThat(packed.sharingPrefixes(3)).isSameAs(packed);
    assertThat(packed.sharingPrefixes(2).sharedRows(1)).isEqualTo(2);
  }

  @Test
  void aPassMustHoldTheRootsOfItsSequences() {
    PackedSequences shared = PackedSequences.fromHistories(List.of(new int[] {1, 2, 3, 4}, new int[] {1, 2, 3, 5}),
        MAX_LEN, ITEMS).sharingPrefixes(2);
    assertThat(new Rows().reset(shared, 0, 2, false, 0L).shared(1)).isEqualTo(3);
    assertThatThrownBy(() -> new Rows().reset(shared, 1, 2, false, 0L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sequence 1 shares its first rows with sequence 0");
    assertThatThrownBy(() -> new Rows().reset(shared, 0, 2, true, 0L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("training pass");
  }

  @Test
  void trainingBatchesDoNotShare() {
    PackedSequences training = PackedSequences.fromWindows(1, 2, new int[] {1, 2}, new int[] {2, 3}, new int[0], 0,
        ITEMS);
    assertThatThrownBy(() -> training.sharingPrefixes(1)).isInstanceOf(IllegalStateException.class);
  }
}
