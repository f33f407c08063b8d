package org.recsys.data.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

class DataStatsTest {

  @Test
  void countsDensityAndNearestRankPercentiles() {
    // Ten users with lengths 1..10 over items 1..10 (item 10 never used): 55 interactions.
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      ids.add("i" + i);
    }
    List<UserSequence> users = new ArrayList<>();
    for (int u = 1; u <= 10; u++) {
      int[] items = new int[u];
      long[] times = new long[u];
      for (int j = 0; j < u; j++) {
        items[j] = Math.min(j + 1, 9);
        times[j] = 100 * u + j;
      }
      users.add(new UserSequence("u" + u, items, times));
    }
    DataStats s = DataStats.of(new SequenceDataset(ItemVocabulary.of(ids), users));
    assertThat(s.users()).isEqualTo(10);
    assertThat(s.items()).isEqualTo(9);
    assertThat(s.interactions()).isEqualTo(55);
    assertThat(s.density()).isCloseTo(55.0 / 90, within(1e-12));
    assertThat(s.meanLength()).isEqualTo(5.5);
    assertThat(new int[] {s.minLength(), s.p25(), s.p50(), s.p75(), s.p90(), s.p99(), s.maxLength()})
        .containsExactly(1, 3, 5, 8, 9, 10, 10);
    assertThat(s.firstTimestamp()).isEqualTo(100);
    assertThat(s.lastTimestamp()).isEqualTo(1009);
    String table = DataStats.table("before", s, "after", s);
    assertThat(table).contains("interactions").contains("55").contains("median length");
    assertThat(table.lines().count()).isEqualTo(15);
  }
}
