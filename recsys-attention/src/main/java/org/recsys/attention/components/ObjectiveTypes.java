package org.recsys.attention.components;

import static org.recsys.attention.spec.SpecChecks.orDefault;

import org.recsys.api.ConfigException;
import org.recsys.attention.objective.LastItem;
import org.recsys.attention.objective.MaskedItem;
import org.recsys.attention.objective.NextItem;
import org.recsys.attention.objective.Objective;
import org.recsys.attention.spec.ObjectiveType;

/** The built-in objective types: {@code next-item}, {@code last-item} and {@code masked-item}. */
public final class ObjectiveTypes {
  private ObjectiveTypes() {}

  /** No parameters. */
  public record None() {}

  /** @param maskProbability the chance each item is masked (0.2) */
  public record Masked(Double maskProbability) {
    public Masked {
      maskProbability = orDefault(maskProbability, 0.2);
      if (!(maskProbability > 0 && maskProbability < 1)) {
        throw new ConfigException("maskProbability", "maskProbability must be in (0, 1), got " + maskProbability);
      }
    }
  }

  /** {@code next-item}: every position predicts the next item. */
  public static final class NextItemType implements ObjectiveType<None> {
    @Override
    public Class<None> parametersType() {
      return None.class;
    }

    @Override
    public Objective create(None p) {
      return new NextItem();
    }
  }

  /** {@code last-item}: only each window's last position predicts. */
  public static final class LastItemType implements ObjectiveType<None> {
    @Override
    public Class<None> parametersType() {
      return None.class;
    }

    @Override
    public Objective create(None p) {
      return new LastItem();
    }
  }

  /** {@code masked-item}: BERT4Rec's Cloze objective. */
  public static final class MaskedItemType implements ObjectiveType<Masked> {
    @Override
    public Class<Masked> parametersType() {
      return Masked.class;
    }

    @Override
    public Objective create(Masked p) {
      return new MaskedItem(p.maskProbability());
    }
  }
}
