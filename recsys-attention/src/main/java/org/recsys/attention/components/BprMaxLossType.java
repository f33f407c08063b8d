package org.recsys.attention.components;

import static org.recsys.attention.spec.SpecChecks.nonNegative;
import static org.recsys.attention.spec.SpecChecks.positive;

import org.recsys.attention.loss.BprMax;
import org.recsys.attention.spec.ConfiguredLoss;
import org.recsys.attention.spec.LossType;

/** The {@code bpr-max} loss of GRU4Rec's improved version: the target against softmax-weighted negatives. */
public final class BprMaxLossType implements LossType<BprMaxLossType.Params> {
  /**
   * @param negatives negatives per position (100)
   * @param regularization weight of the softmax-weighted score regulariser (1.0, GRU4Rec's default)
   */
  public record Params(Integer negatives, Double regularization) {
    public Params {
      negatives = positive("negatives", negatives, 100);
      regularization = nonNegative("regularization", regularization, 1.0);
    }
  }

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public ConfiguredLoss create(Params p, int numItems) {
    return new ConfiguredLoss(new BprMax(p.negatives(), p.regularization()), false);
  }
}
