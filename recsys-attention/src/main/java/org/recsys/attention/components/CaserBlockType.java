package org.recsys.attention.components;

import static org.recsys.attention.spec.SpecChecks.positive;
import static org.recsys.attention.spec.SpecChecks.unitInterval;

import org.recsys.api.ConfigException;
import org.recsys.attention.layer.CaserConvolution;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.spec.BlockContext;
import org.recsys.attention.spec.BlockType;

/**
 * The {@code caser} block: Caser's horizontal and vertical convolutions over the last {@code window} rows at every
 * position ({@link CaserConvolution}), on either backend.
 */
public final class CaserBlockType implements BlockType<CaserBlockType.Params> {
  /**
   * @param window the rows each position sees, Caser's {@code L} (5)
   * @param horizontal horizontal filters per height, {@code n_h} (16)
   * @param vertical vertical filters, {@code n_v} (4)
   * @param dropout drop rate of the convolution features in training (0.5)
   * @param user whether the output adds the stand-in for the user embedding (true; see {@link CaserConvolution})
   */
  public record Params(Integer window, Integer horizontal, Integer vertical, Double dropout, Boolean user) {
    public Params {
      window = positive("window", window, 5);
      horizontal = positive("horizontal", horizontal, 16);
      vertical = positive("vertical", vertical, 4);
      dropout = unitInterval("dropout", dropout, 0.5);
      user = user == null || user;
    }
  }

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public Layer create(Params p, BlockContext c) {
    if (p.window() > c.maxLen()) {
      throw new ConfigException("window", "window " + p.window() + " is longer than maxLen " + c.maxLen());
    }
    return new CaserConvolution(c.name(), c.inputSize(), p.window(), p.horizontal(), p.vertical(), p.dropout(),
        p.user());
  }
}
