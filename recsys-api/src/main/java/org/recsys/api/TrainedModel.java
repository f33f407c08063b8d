package org.recsys.api;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained, immutable recommender that can be saved to a directory and loaded back by the
 * {@link ModelFactory} registered under {@link #type()}. A loaded model scores identically to the saved one.
 */
public interface TrainedModel extends Recommender {
  /** The component name this model was built under, e.g. {@code "sasrec"}. */
  String type();

  /**
   * What reports call the model: the name it was configured under, e.g. {@code sasrec} for a preset of the
   * composed {@code sequential} type. Its {@link #type()} unless the model says otherwise.
   */
  default String name() {
    return type();
  }

  /** The item vocabulary the model's ids refer to. */
  ItemVocabulary vocabulary();

  /**
   * Writes everything needed to load the model again (weights, parameters, vocabulary) into {@code dir},
   * creating it if needed. Each file is written atomically; the last ones written are the manifest
   * ({@code model.json}, one schema for every model, see README "Saved models") and the checksum list that seals
   * the directory.
   */
  void save(Path dir) throws IOException;
}
