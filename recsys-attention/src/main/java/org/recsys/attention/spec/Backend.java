package org.recsys.attention.spec;

import java.util.List;
import java.util.Locale;
import org.recsys.api.ConfigException;
import org.recsys.attention.dl4j.Dl4jNetwork;
import org.recsys.attention.dl4j.SameDiffGraph;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.model.ComposedNetwork;
import org.recsys.attention.train.TrainableNetwork;

/**
 * What builds and trains a composed model from its spec (config {@code model.backend}). Both backends use the same
 * parameter names and layouts, so weights trained with one load and score with the other.
 */
public enum Backend {
  /** The hand-written kernels on ND4J buffers and OpenBLAS (the default). */
  NATIVE,
  /**
   * The spec as a DL4J SameDiff graph, differentiated automatically, trained by the same trainer. It runs where
   * ND4J has a backend, a GPU included; not every component has a graph yet.
   */
  DL4J;

  /**
   * Fails unless this backend can build every component of {@code architecture}.
   *
   * @param blockKeys what to call each block in the message (e.g. {@code model.encoder.blocks[1] (type lstm)})
   * @throws ConfigException naming {@code model.backend} and the component
   */
  public void requireSupported(Architecture architecture, List<String> blockKeys) {
    if (this == DL4J) {
      SameDiffGraph.requireSupported(architecture, blockKeys);
      return;
    }
    List<Layer> blocks = architecture.encoder().blocks();
    for (int i = 0; i < blocks.size(); i++) {
      if (!blocks.get(i).trainsNatively()) {
        throw new ConfigException("model.backend", "model.backend: native cannot train block " + blockKeys.get(i)
            + ": it is defined only as a SameDiff graph (no native backward pass); use model.backend: dl4j");
      }
    }
  }

  /**
   * A network of {@code architecture} with fresh weights drawn from {@code seed} (the same weights on either
   * backend).
   *
   * @param threads the native network's compute threads (the dl4j backend leaves threads to ND4J)
   */
  public TrainableNetwork network(Architecture architecture, long seed, int threads) {
    return this == DL4J ? Dl4jNetwork.create(architecture, seed) : ComposedNetwork.create(architecture, seed, threads);
  }

  /** The config name ({@code native}, {@code dl4j}). */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a config name (null: {@link #NATIVE}), naming {@code key} in the error. */
  public static Backend parse(String key, String value) {
    if (value == null) {
      return NATIVE;
    }
    for (Backend b : values()) {
      if (b.configName().equals(value)) {
        return b;
      }
    }
    throw new ConfigException(key, "unknown " + key + " '" + value + "'; valid: native, dl4j");
  }
}
