package org.recsys.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recsys.api.TrainingContext;
import org.recsys.baselines.markov.MarkovModel;
import org.recsys.baselines.markov.MarkovParams;
import org.recsys.baselines.pop.PopModel;
import org.recsys.baselines.tribuo.TribuoModel;
import org.recsys.baselines.tribuo.TribuoParams;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/** On data with planted sequential structure, the sequence-aware baselines must beat popularity clearly. */
class BaselinesBeatPopularityTest {
  /** HR@10 points by which Markov and Tribuo must beat popularity (they beat it by 0.3-0.45 on these seeds). */
  private static final double MARGIN = 0.2;

  @ParameterizedTest
  @ValueSource(longs = {11, 12})
  void markovAndTribuoBeatPopularityOnHitRate(long seed) {
    DataSplit split = new LeaveOneOutSplitter().split(SyntheticGenerator.generate(SyntheticConfig.tiny()
        .withSeed(seed)));
    double pop = RankMetrics.evaluate(PopModel.train(split.train()), split.test(), 10).hitRate();
    double markov = RankMetrics.evaluate(MarkovModel.train(split.train(), MarkovParams.defaults()), split.test(), 10)
        .hitRate();
    double tribuo = RankMetrics.evaluate(TribuoModel.train(split.train(), TribuoParams.defaults(),
        TrainingContext.ofSeed(seed)), split.test(), 10).hitRate();
    assertThat(markov).as("Markov HR@10 vs pop %.3f", pop).isGreaterThan(pop + MARGIN);
    assertThat(tribuo).as("Tribuo HR@10 vs pop %.3f", pop).isGreaterThan(pop + MARGIN);
  }
}
