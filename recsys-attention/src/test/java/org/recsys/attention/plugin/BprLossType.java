package org.recsys.attention.plugin;

import org.recsys.attention.loss.CandidateLoss;
import org.recsys.attention.spec.ConfiguredLoss;
import org.recsys.attention.spec.LossType;

/**
 * A loss written as a third party would: BPR (Rendle et al. 2009) over the sampled negatives,
 * {@code mean_k softplus(s_k - s+)}, registered as {@code test-bpr} by {@link PluginModule}.
 */
public final class BprLossType implements LossType<BprLossType.Params> {
  /** @param negatives negatives per position */
  public record Params(Integer negatives) {
    public Params {
      negatives = negatives == null ? 4 : negatives;
    }
  }

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public ConfiguredLoss create(Params p, int numItems) {
    return new ConfiguredLoss(new Bpr(p.negatives()), false);
  }

  record Bpr(int negatives) implements CandidateLoss {
    @Override
    public String name() {
      return "test-bpr";
    }

    @Override
    public boolean binary() {
      return false;
    }

    @Override
    public double apply(float[] s, int count, float scale) {
      double loss = 0;
      float positive = 0;
      int k = count - 1;
      for (int q = 1; q < count; q++) {
        double x = s[q] - s[0];
        double t = Math.exp(-Math.abs(x));
        loss += Math.max(x, 0) + Math.log(1 + t);
        float sigmoid = (float) (x >= 0 ? 1 / (1 + t) : t / (1 + t));
        s[q] = sigmoid * scale / k;
        positive -= s[q];
      }
      s[0] = positive;
      return loss / k;
    }

    @Override
    public String describe() {
      return "test-bpr(negatives=" + negatives + ")";
    }
  }
}
