package org.recsys.attention.lstm;

import org.recsys.attention.model.Architecture;
import org.recsys.attention.model.ComposedNetwork;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.preset.LstmAttentionPreset;
import org.recsys.attention.spec.Blueprint;
import org.recsys.attention.testing.PresetParams;

/**
 * LSTM-attention for tests, as a config gives it: the preset's flat keys, bound like the CLI binds them, resolved
 * through the discovered components into composed networks and trainers.
 */
final class LstmAttentionNetworks {
  private static final SequentialFactory FACTORY = SequentialFactory.discover();

  private LstmAttentionNetworks() {}

  /** The factory over every discovered component. */
  static SequentialFactory factory() {
    return FACTORY;
  }

  /** The {@code lstm-attention} preset over {@link #factory()}. */
  static LstmAttentionPreset preset() {
    return new LstmAttentionPreset(FACTORY);
  }

  /** The preset's keys from {@code "key", value} pairs; omitted keys take the preset's defaults. */
  static LstmAttentionPreset.Params params(Object... keysAndValues) {
    return PresetParams.of(LstmAttentionPreset.Params.class, keysAndValues);
  }

  /** {@code p} with the given keys replaced ({@code null} values unset them). */
  static LstmAttentionPreset.Params with(LstmAttentionPreset.Params p, Object... keysAndValues) {
    return PresetParams.with(p, keysAndValues);
  }


  /** The preset's spec, resolved through the discovered components. */
  static Blueprint blueprint(LstmAttentionPreset.Params p) {
    return preset().resolve(p);
  }

  /** The architecture {@code p} stands for over {@code numItems} items. */
  static Architecture architecture(LstmAttentionPreset.Params p, int numItems) {
    return blueprint(p).architecture(numItems);
  }

  /** A network with fresh weights for {@code p}, as training starts it (the spec's thread count). */
  static ComposedNetwork create(LstmAttentionPreset.Params p, int numItems, long seed) {
    Blueprint b = blueprint(p);
    return ComposedNetwork.create(b.architecture(numItems), seed, b.spec().training().resolvedThreads());
  }
}
