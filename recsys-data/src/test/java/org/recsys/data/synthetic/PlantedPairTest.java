package org.recsys.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

class PlantedPairTest {
  @Test
  void theCauseIsAlwaysFollowedByTheEffectWhichAppearsNowhereElse() {
    SequenceDataset data = new PlantedPair(500, 40, 5, 15, 7, 13, 0.5, 1).generate();
    assertThat(data.users()).hasSize(500);
    assertThat(data.numItems()).isEqualTo(40);
    int pairs = 0;
    for (UserSequence u : data.users()) {
      int[] s = u.items();
      assertThat(s.length).isBetween(5, 15);
      assertThat(Arrays.stream(s).distinct().count()).as("no repeats").isEqualTo(s.length);
      for (int t = 0; t < s.length; t++) {
        if (s[t] == 7) {
          pairs++;
          assertThat(s[t + 1]).isEqualTo(13);
        }
        if (s[t] == 13) {
          assertThat(t).isPositive();
          assertThat(s[t - 1]).isEqualTo(7);
        }
      }
    }
    assertThat(pairs).isBetween(200, 300);
    assertThat(new PlantedPair(500, 40, 5, 15, 7, 13, 0.5, 1).generate().users().get(9).items())
        .containsExactly(data.users().get(9).items());
  }

  @Test
  void impossibleSettingsAreRefused() {
    assertThatThrownBy(() -> new PlantedPair(10, 40, 5, 15, 7, 7, 0.5, 1)).hasMessageContaining("cause 7");
    assertThatThrownBy(() -> new PlantedPair(10, 10, 5, 15, 1, 2, 0.5, 1)).hasMessageContaining("10 items");
    assertThatThrownBy(() -> new PlantedPair(10, 40, 5, 15, 1, 2, 1.5, 1)).hasMessageContaining("causeRate");
  }
}
