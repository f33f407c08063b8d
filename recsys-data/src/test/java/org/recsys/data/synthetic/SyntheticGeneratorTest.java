package org.recsys.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recsys.api.ConfigException;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;

class SyntheticGeneratorTest {

  @Test
  void sizesLengthsAndTimestampsFollowTheConfig() {
    SyntheticConfig c = SyntheticConfig.tiny();
    SequenceDataset d = SyntheticGenerator.generate(c);
    assertThat(d.users()).hasSize(300);
    assertThat(d.numItems()).isEqualTo(60);
    for (UserSequence u : d.users()) {
      assertThat(u.length()).isBetween(c.minLength(), c.maxLength());
      assertThat(u.hasTimestamps()).isTrue();
      Set<Integer> seen = new HashSet<>();
      for (int i = 0; i < u.length(); i++) {
        assertThat(seen.add(u.item(i))).as("user %s repeats item %d", u.user(), u.item(i)).isTrue();
        if (i > 0) {
          assertThat(u.timestamp(i)).isGreaterThan(u.timestamp(i - 1));
        }
      }
    }
    assertThat(d.items().externalId(17)).isEqualTo("17");
  }

  @Test
  void sameSeedSameDataOtherSeedOtherData() {
    SequenceDataset a = SyntheticGenerator.generate(SyntheticConfig.tiny());
    SequenceDataset b = SyntheticGenerator.generate(SyntheticConfig.tiny());
    SequenceDataset c = SyntheticGenerator.generate(SyntheticConfig.tiny().withSeed(7));
    assertThat(a).isEqualTo(b);
    assertThat(a.users()).isNotEqualTo(c.users());
  }

  @Test
  void firstOrderModelBeatsPopularityByTwiceOnTinyForSeveralSeeds() {
    for (long seed : new long[] {1, 2, 3}) {
      DataSplit s = new LeaveOneOutSplitter().split(SyntheticGenerator.generate(SyntheticConfig.tiny().withSeed(seed)));
      CountModels m = new CountModels(s.train());
      double pop = CountModels.hitRate(s.test(), m::mostPopular, 10);
      double markov = CountModels.hitRate(s.test(), m::firstOrder, 10);
      assertThat(markov).as("seed %d: first-order HR@10 %.3f vs popularity %.3f", seed, markov, pop)
          .isGreaterThanOrEqualTo(2 * pop);
    }
  }

  @Test
  void defaultDataRewardsOrderAwarenessAndMoreThanTheLastItem() {
    DataSplit s = new LeaveOneOutSplitter().split(SyntheticGenerator.generate(SyntheticConfig.defaults()));
    CountModels m = new CountModels(s.train());
    double pop = CountModels.hitRate(s.test(), m::mostPopular, 10);
    double markov = CountModels.hitRate(s.test(), m::firstOrder, 10);
    double second = CountModels.hitRate(s.test(), m::secondOrder, 10);
    // Measured at seed 42: popularity 0.08, first order 0.52, second order 0.57.
    assertThat(markov).isGreaterThanOrEqualTo(4 * pop);
    assertThat(second).isGreaterThan(markov + 0.02);
  }

  @Test
  void invalidValuesNameTheKey() {
    assertThatThrownBy(() -> new SyntheticConfig(0, null, null, null, null, null, null, null, null, null, null))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("data.synthetic.users"))
        .hasMessageContaining("users must be > 0, got 0");
    assertThatThrownBy(() -> new SyntheticConfig(null, null, null, null, null, 30, 20, null, null, null, null))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("data.synthetic.maxLength"));
    assertThatThrownBy(() -> new SyntheticConfig(null, null, null, null, null, null, null, 0.5, 0.6, null, null))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("data.synthetic.transition"));
    assertThatThrownBy(() -> new SyntheticConfig(null, null, null, null, null, 2, null, null, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("minLength must be >= 3");
  }
}
