package org.recsys.attention.components;

import static org.recsys.attention.spec.SpecChecks.positive;

import org.recsys.attention.loss.SampledSoftmax;
import org.recsys.attention.spec.ConfiguredLoss;
import org.recsys.attention.spec.LossType;

/** The {@code sampled-softmax} loss: softmax over the target and sampled negatives. */
public final class SampledSoftmaxLossType implements LossType<SampledSoftmaxLossType.Params> {
  /** @param negatives negatives per position (100) */
  public record Params(Integer negatives) {
    public Params {
      negatives = positive("negatives", negatives, 100);
    }
  }

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public ConfiguredLoss create(Params p, int numItems) {
    return new ConfiguredLoss(new SampledSoftmax(p.negatives()), false);
  }
}
