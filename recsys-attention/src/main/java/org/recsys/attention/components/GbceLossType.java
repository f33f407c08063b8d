package org.recsys.attention.components;

import static org.recsys.attention.spec.SpecChecks.orDefault;
import static org.recsys.attention.spec.SpecChecks.positive;

import org.recsys.api.ConfigException;
import org.recsys.attention.loss.BinaryCrossEntropy;
import org.recsys.attention.spec.ConfiguredLoss;
import org.recsys.attention.spec.LossType;

/** The {@code gbce} loss: gSASRec's generalised BCE (Petrov and Macdonald, RecSys 2023). */
public final class GbceLossType implements LossType<GbceLossType.Params> {
  /**
   * @param negatives negatives per position (256)
   * @param t the calibration in [0, 1] (0.75): 0 is BCE, 1 fully calibrated
   * @param scoreBias add one learned constant to every training score (true)
   */
  public record Params(Integer negatives, Double t, Boolean scoreBias) {
    public Params {
      negatives = positive("negatives", negatives, 256);
      t = orDefault(t, 0.75);
      if (!(t >= 0 && t <= 1)) {
        throw new ConfigException("t", "t must be in [0, 1], got " + t);
      }
      scoreBias = orDefault(scoreBias, true);
    }
  }

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public ConfiguredLoss create(Params p, int numItems) {
    return new ConfiguredLoss(BinaryCrossEntropy.gbce(p.negatives(), numItems, p.t()), p.scoreBias());
  }
}
