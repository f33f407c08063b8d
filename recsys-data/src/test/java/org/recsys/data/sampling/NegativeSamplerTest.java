package org.recsys.data.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

class NegativeSamplerTest {

  @Test
  void uniformNeverDrawsExcludedItemsAndCoversTheRestEvenly() {
    NegativeSampler s = NegativeSampler.uniform(10, 1);
    s.exclude(new int[] {2, 5, 5, 9});
    assertThat(s.available()).isEqualTo(7);
    int[] counts = new int[11];
    for (int i = 0; i < 70_000; i++) {
      counts[s.next()]++;
    }
    for (int item : new int[] {2, 5, 9}) {
      assertThat(counts[item]).isZero();
    }
    for (int item : new int[] {1, 3, 4, 6, 7, 8, 10}) {
      assertThat(counts[item]).isBetween(9_400, 10_600);
    }
  }

  @Test
  void popularityFollowsCountsAmongAllowedItems() {
    // Item 1 seen 6 times, item 2 three times, item 3 once, item 4 never.
    SequenceDataset d = new SequenceDataset(ItemVocabulary.of(List.of("a", "b", "c", "d")), List.of(
        UserSequence.of("u1", 1, 1, 1, 2, 3), UserSequence.of("u2", 1, 1, 1, 2, 2)));
    NegativeSampler s = NegativeSampler.popularity(d, 3);
    assertThat(s.kind()).isEqualTo("popularity");
    s.exclude(new int[] {3});
    int[] counts = new int[5];
    for (int i = 0; i < 90_000; i++) {
      counts[s.next()]++;
    }
    assertThat(counts[3]).isZero();
    assertThat(counts[4]).isZero();
    assertThat(counts[1] / 90_000.0).isCloseTo(6.0 / 9, org.assertj.core.data.Offset.offset(0.01));
    assertThat(counts[2] / 90_000.0).isCloseTo(3.0 / 9, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void fallsBackWhenNearlyEverythingIsExcluded() {
    NegativeSampler s = NegativeSampler.uniform(1000, 5);
    int[] seen = new int[999];
    for (int i = 0; i < seen.length; i++) {
      seen[i] = i + 2; // everything but item 1
    }
    s.exclude(seen);
    for (int i = 0; i < 100; i++) {
      assertThat(s.next()).isEqualTo(1);
    }
    s.alsoExclude(new int[] {1});
    assertThatThrownBy(s::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("every item");
  }

  @Test
  void distinctGivesNoRepeatsAndStopsAtWhatIsAvailable() {
    NegativeSampler s = NegativeSampler.uniform(20, 9);
    s.exclude(new int[] {1, 2, 3});
    int[] d = s.distinct(17);
    assertThat(d).hasSize(17).doesNotHaveDuplicates().doesNotContain(1, 2, 3);
    s.exclude(new int[] {1, 2, 3});
    assertThat(s.distinct(50)).hasSize(17);
  }

  @Test
  void sameSeedSameDraws() {
    NegativeSampler a = NegativeSampler.uniform(500, 11);
    NegativeSampler b = NegativeSampler.uniform(500, 11);
    int[] x = new int[100];
    int[] y = new int[100];
    a.exclude(new int[] {4});
    b.exclude(new int[] {4});
    a.fill(x, 0, 100);
    b.fill(y, 0, 100);
    assertThat(x).isEqualTo(y);
    a.reseed(11);
    a.exclude(new int[] {4});
    a.fill(y, 0, 100);
    assertThat(y).isEqualTo(x);
  }

  @Test
  void outOfRangeExclusionIsAnError() {
    NegativeSampler s = NegativeSampler.uniform(5, 1);
    assertThatThrownBy(() -> s.exclude(new int[] {6})).hasMessageContaining("item id 6 is out of range 1..5");
  }
}
