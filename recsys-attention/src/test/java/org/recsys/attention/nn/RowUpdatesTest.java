package org.recsys.attention.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Buffered row updates: worked answers, repeated rows, a flush by itself when full, and bad rows. */
class RowUpdatesTest {
  @Test
  void updatesLandGroupedByRowOnlyAfterTheFlush() {
    try (FloatTensor t = FloatTensor.of(new float[] {1, 1, 0, 0, 5, 5}, 3, 2)) {
      RowUpdates u = new RowUpdates(t, 3, 2, 4);
      u.begin(new float[] {1, 2});
      u.add(2, 0.5f); // row 2 += (0.5, 1)
      u.add(0, -1f); // row 0 += (-1, -2)
      u.begin(new float[] {4, -4, 99}); // only the first dim floats count
      u.add(2, 0.25f); // row 2 += (1, -1)
      u.add(2, 1f); // row 2 += (4, -4)
      assertThat(t.toArray()).containsExactly(1, 1, 0, 0, 5, 5);
      u.flush();
      assertThat(t.toArray()).containsExactly(0, -1, 0, 0, 10.5f, 1);
      u.flush(); // nothing buffered: nothing changes
      assertThat(t.toArray()).containsExactly(0, -1, 0, 0, 10.5f, 1);
    }
  }

  @Test
  void aFullBufferFlushesBeforeTakingTheNextVector() {
    try (FloatTensor t = FloatTensor.zeros(2, 1)) {
      RowUpdates u = new RowUpdates(t, 2, 1, 2);
      for (int v = 1; v <= 3; v++) {
        u.begin(new float[] {v});
        u.add(1, 1f);
      }
      assertThat(t.get(1)).isEqualTo(3f); // vectors 1 and 2, flushed when the third began
      u.flush();
      assertThat(t.get(1)).isEqualTo(6f);
      assertThat(t.get(0)).isZero();
    }
  }

  @Test
  void manyUpdatesGrowTheBufferAndSumExactly() {
    try (FloatTensor t = FloatTensor.zeros(5, 3)) {
      RowUpdates u = new RowUpdates(t, 5, 3, 8);
      u.begin(new float[] {1, 2, 3});
      for (int i = 0; i < 5000; i++) {
        u.add(i % 5, 1f);
      }
      u.flush();
      for (int r = 0; r < 5; r++) {
        assertThat(new float[] {t.get(r * 3), t.get(r * 3 + 1), t.get(r * 3 + 2)}).containsExactly(1000, 2000, 3000);
      }
    }
  }

  @Test
  void badRowsAndShapesAreRefused() {
    try (FloatTensor t = FloatTensor.zeros(2, 2)) {
      assertThatThrownBy(() -> new RowUpdates(t, 3, 2, 1)).hasMessageContaining("3 x 2").hasMessageContaining("4 floats");
      RowUpdates u = new RowUpdates(t, 2, 2, 1);
      assertThatThrownBy(() -> u.add(0, 1f)).hasMessageContaining("before begin");
      u.begin(new float[] {1, 1});
      assertThatThrownBy(() -> u.add(2, 1f)).hasMessageContaining("row 2 outside a target of 2 rows");
    }
  }
}
