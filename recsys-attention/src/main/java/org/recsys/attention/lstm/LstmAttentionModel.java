package org.recsys.attention.lstm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.recsys.api.ItemVocabulary;
import org.recsys.attention.train.SequenceModel;

/**
 * A trained LSTM-attention model: its encoder (histories to the state after the last position) and the
 * dot-product scorer over its output table (the item embeddings, or the dense output layer with its bias column).
 * Immutable and thread-safe; the model directory is {@link SequenceModel}'s.
 */
public final class LstmAttentionModel extends SequenceModel<LstmAttentionParams> {
  public static final String TYPE = "lstm-attention";

  private LstmAttentionModel(LstmAttentionParams params, ItemVocabulary vocabulary, LstmAttentionWeights weights,
      Map<String, Object> provenance) {
    super(TYPE, params, vocabulary, weights.set, weights.numItems, provenance,
        () -> new LstmAttentionEncoder(weights, params.maxLen()), weights.value(weights.scoreTable()));
  }

  /** A model holding a copy of {@code trained}'s current weights. */
  static LstmAttentionModel copyOf(LstmAttentionParams params, ItemVocabulary vocabulary,
      LstmAttentionWeights trained, Map<String, Object> provenance) {
    LstmAttentionWeights copy = LstmAttentionWeights.allocate(params, trained.numItems);
    copy.set.copyValuesFrom(trained.set);
    return new LstmAttentionModel(params, vocabulary, copy, provenance);
  }

  /**
   * Loads a model written by {@link #save}.
   *
   * @throws IOException naming the file that is missing, of another model type, or inconsistent
   */
  public static LstmAttentionModel load(Path dir) throws IOException {
    Stored<LstmAttentionParams> stored = readStored(dir, TYPE, LstmAttentionParams.class);
    LstmAttentionWeights weights = LstmAttentionWeights.allocate(stored.params(), stored.vocabulary().size());
    readWeights(dir, weights.set);
    return new LstmAttentionModel(stored.params(), stored.vocabulary(), weights, stored.provenance());
  }
}
