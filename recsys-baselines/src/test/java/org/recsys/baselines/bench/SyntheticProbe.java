package org.recsys.baselines.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.recsys.api.TrainingContext;
import org.recsys.baselines.RankMetrics;
import org.recsys.baselines.markov.MarkovModel;
import org.recsys.baselines.markov.MarkovParams;
import org.recsys.baselines.pop.PopModel;
import org.recsys.baselines.tribuo.TribuoModel;
import org.recsys.baselines.tribuo.TribuoParams;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/**
 * Scratch probe: HR@10 of the three baselines on a synthetic data set. Arguments: {@code tiny|defaults},
 * Tribuo params as JSON, Markov params as JSON, seeds.
 */
public final class SyntheticProbe {
  public static void main(String[] args) throws Exception {
    SyntheticConfig cfg = args[0].equals("defaults") ? SyntheticConfig.defaults() : SyntheticConfig.tiny();
    ObjectMapper json = new ObjectMapper();
    TribuoParams tp = json.readValue(args.length > 1 ? args[1] : "{}", TribuoParams.class);
    MarkovParams mp = json.readValue(args.length > 2 ? args[2] : "{}", MarkovParams.class);
    int seeds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    for (long seed = 1; seed <= seeds; seed++) {
      DataSplit split = new LeaveOneOutSplitter().split(SyntheticGenerator.generate(cfg.withSeed(seed)));
      var pop = PopModel.train(split.train());
      var markov = MarkovModel.train(split.train(), mp);
      long t1 = System.nanoTime();
      var tribuo = TribuoModel.train(split.train(), tp, TrainingContext.ofSeed(seed));
      long t2 = System.nanoTime();
      System.out.printf("seed %d: pop %.3f markov %.3f tribuo %.3f  (tribuo %.1fs, %s examples)%n", seed,
          RankMetrics.evaluate(pop, split.test(), 10).hitRate(),
          RankMetrics.evaluate(markov, split.test(), 10).hitRate(),
          RankMetrics.evaluate(tribuo, split.test(), 10).hitRate(), (t2 - t1) / 1e9, tribuo.info().get("examples"));
    }
  }
}
