package org.recsys.attention.sasrec;

import org.recsys.attention.model.Architecture;
import org.recsys.attention.model.ComposedNetwork;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.preset.SasRecPreset;
import org.recsys.attention.spec.Blueprint;
import org.recsys.attention.testing.PresetParams;

/**
 * SASRec for tests, as a config gives it: the preset's flat keys, bound like the CLI binds them, resolved through
 * the discovered components into composed networks and trainers.
 */
public final class SasRecNetworks {
  private static final SequentialFactory FACTORY = SequentialFactory.discover();

  private SasRecNetworks() {}

  /** The factory over every discovered component. */
  public static SequentialFactory factory() {
    return FACTORY;
  }

  /** The {@code sasrec} preset over {@link #factory()}. */
  public static SasRecPreset preset() {
    return new SasRecPreset(FACTORY);
  }

  /** The preset's keys from {@code "key", value} pairs; omitted keys take the preset's defaults. */
  public static SasRecPreset.Params params(Object... keysAndValues) {
    return PresetParams.of(SasRecPreset.Params.class, keysAndValues);
  }

  /** {@code p} with the given keys replaced ({@code null} values unset them). */
  public static SasRecPreset.Params with(SasRecPreset.Params p, Object... keysAndValues) {
    return PresetParams.with(p, keysAndValues);
  }


  /** The preset's spec, resolved through the discovered components. */
  public static Blueprint blueprint(SasRecPreset.Params p) {
    return preset().resolve(p);
  }

  /** The architecture {@code p} stands for over {@code numItems} items. */
  public static Architecture architecture(SasRecPreset.Params p, int numItems) {
    return blueprint(p).architecture(numItems);
  }

  /** A network with fresh weights for {@code p}, as training starts it (the spec's thread count). */
  public static ComposedNetwork create(SasRecPreset.Params p, int numItems, long seed) {
    Blueprint b = blueprint(p);
    return ComposedNetwork.create(b.architecture(numItems), seed, b.spec().training().resolvedThreads());
  }

  /** One block of width 8, two heads, dropout 0.1, BCE, one thread. */
  public static ComposedNetwork tiny(int numItems, int maxLen, long seed) {
    return create(params("maxLen", maxLen, "hiddenSize", 8, "blocks", 1, "heads", 2, "dropout", 0.1, "threads", 1),
        numItems, seed);
  }
}
