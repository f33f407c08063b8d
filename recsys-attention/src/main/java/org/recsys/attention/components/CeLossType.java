package org.recsys.attention.components;

import static org.recsys.attention.spec.SpecChecks.orDefault;

import org.recsys.attention.loss.SoftmaxCrossEntropy;
import org.recsys.attention.spec.ConfiguredLoss;
import org.recsys.attention.spec.LossType;

/** The {@code ce} loss: softmax cross-entropy over every item. */
public final class CeLossType implements LossType<CeLossType.Params> {
  /**
   * @param excludeHistory leave the user's other items of the window out of each softmax, as sampled negatives
   *     do (false)
   */
  public record Params(Boolean excludeHistory) {
    public Params {
      excludeHistory = orDefault(excludeHistory, false);
    }
  }

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public ConfiguredLoss create(Params p, int numItems) {
    return new ConfiguredLoss(new SoftmaxCrossEntropy(p.excludeHistory()), false);
  }
}
