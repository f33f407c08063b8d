package org.recsys.attention.components;

import static org.recsys.attention.spec.SpecChecks.orDefault;
import static org.recsys.attention.spec.SpecChecks.positive;

import org.recsys.attention.loss.BinaryCrossEntropy;
import org.recsys.attention.spec.ConfiguredLoss;
import org.recsys.attention.spec.LossType;

/** The {@code bce} loss: SASRec's binary cross-entropy over sampled negatives. */
public final class BceLossType implements LossType<BceLossType.Params> {
  /**
   * @param negatives negatives per position (1, as the paper)
   * @param scoreBias add one learned constant to every training score, started at the loss's base rate (default:
   *     on with more than one negative, where without it the loss collapses to popularity; off for the paper's one)
   */
  public record Params(Integer negatives, Boolean scoreBias) {
    public Params {
      negatives = positive("negatives", negatives, 1);
      scoreBias = orDefault(scoreBias, negatives > 1);
    }
  }

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public ConfiguredLoss create(Params p, int numItems) {
    return new ConfiguredLoss(BinaryCrossEntropy.bce(p.negatives()), p.scoreBias());
  }
}
