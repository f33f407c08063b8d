package org.recsys.attention.sasrec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.recsys.api.ItemVocabulary;
import org.recsys.attention.train.SequenceModel;

/**
 * A trained SASRec: its encoder (histories to the output at the last position) and the dot-product scorer over
 * its item embedding table. Immutable and thread-safe; the model directory is {@link SequenceModel}'s.
 */
public final class SasRecModel extends SequenceModel<SasRecParams> {
  public static final String TYPE = "sasrec";

  private SasRecModel(SasRecParams params, ItemVocabulary vocabulary, SasRecWeights weights,
      Map<String, Object> provenance) {
    super(TYPE, params, vocabulary, weights.set, weights.numItems, provenance, () -> new SasRecEncoder(weights),
        weights.value(SasRecWeights.ITEM));
  }

  /** A model holding a copy of {@code trained}'s current weights. */
  static SasRecModel copyOf(SasRecParams params, ItemVocabulary vocabulary, SasRecWeights trained,
      Map<String, Object> provenance) {
    SasRecWeights copy = SasRecWeights.allocate(trained.numItems, trained.maxLen, trained.dim, trained.blocks,
        trained.heads, trained.positions, trained.hasScoreBias);
    copy.set.copyValuesFrom(trained.set);
    return new SasRecModel(params, vocabulary, copy, provenance);
  }

  /**
   * Loads a model written by {@link #save}.
   *
   * @throws IOException naming the file that is missing, of another model type, or inconsistent
   */
  public static SasRecModel load(Path dir) throws IOException {
    Stored<SasRecParams> stored = readStored(dir, TYPE, SasRecParams.class);
    SasRecParams params = stored.params();
    SasRecWeights weights = SasRecWeights.allocate(stored.vocabulary().size(), params.maxLen(),
        params.hiddenSize(), params.blocks(), params.heads(), params.positionOrigin(),
        params.training().hasScoreBias());
    readWeights(dir, weights.set);
    return new SasRecModel(params, stored.vocabulary(), weights, stored.provenance());
  }
}
