package org.recsys.attention.components;

import static org.recsys.attention.spec.SpecChecks.orDefault;

import org.recsys.attention.head.DotHead;
import org.recsys.attention.head.Head;
import org.recsys.attention.spec.HeadContext;
import org.recsys.attention.spec.HeadType;

/** The {@code dot} head: a state's dot product with each item's row of the item table. */
public final class DotHeadType implements HeadType<DotHeadType.Params> {
  /**
   * @param tied score against the encoder's own item embedding (true) or a separate output table
   * @param bias add a learned per-item score bias (false), as a dense output layer or BERT4Rec's output bias
   */
  public record Params(Boolean tied, Boolean bias) {
    public Params {
      tied = orDefault(tied, true);
      bias = orDefault(bias, false);
    }
  }

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public Head create(Params p, HeadContext c) {
    return new DotHead("head", p.tied(), c.encoderTable(), c.numItems(), c.stateSize(), c.init(), p.bias());
  }
}
