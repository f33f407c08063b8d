package org.recsys.baselines.markov;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.recsys.api.EncoderScorerModel;
import org.recsys.api.HistoryWindow;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.VocabularyFile;
import org.recsys.store.ModelDirectory;
import org.recsys.store.ModelManifest;
import org.recsys.baselines.IntArraysFile;
import org.recsys.baselines.ItemCounts;

/**
 * First-order Markov chain over items with back-off to popularity: a {@link LastItemEncoder} paired with a
 * {@link MarkovScorer}.
 */
public final class MarkovModel extends EncoderScorerModel<int[]> implements HistoryWindow {
  /** The component name. */
  public static final String TYPE = "markov";
  static final int FORMAT = 1;
  static final String COUNTS_FILE = "counts.bin";

  private final MarkovParams params;
  private final ItemCounts counts;
  private final TransitionCounts transitions;

  MarkovModel(ItemVocabulary vocabulary, MarkovParams params, ItemCounts counts, TransitionCounts transitions) {
    super(TYPE, vocabulary, new LastItemEncoder(vocabulary.size()),
        new MarkovScorer(transitions, counts, Objects.requireNonNull(params, "params")));
    this.params = params;
    this.counts = counts;
    this.transitions = transitions;
  }

  /**
   * Counts items and transitions of {@code train}.
   *
   * @throws IllegalArgumentException when {@code train} holds no interaction
   */
  public static MarkovModel train(SequenceDataset train, MarkovParams params) {
    return new MarkovModel(train.items(), params, ItemCounts.of(train), TransitionCounts.of(train));
  }

  /** Loads a model written by {@link #save}. */
  public static MarkovModel load(Path dir) throws IOException {
    ModelManifest manifest = ModelDirectory.open(dir, TYPE, FORMAT);
    MarkovParams params = manifest.params(MarkovParams.class, dir);
    ItemVocabulary vocabulary = VocabularyFile.read(dir.resolve(VocabularyFile.FILE_NAME));
    manifest.checkItems(vocabulary.size(), dir);
    Path file = dir.resolve(COUNTS_FILE);
    IntArraysFile arrays = IntArraysFile.read(file);
    int[] itemCounts = arrays.require("itemCounts");
    if (itemCounts.length != vocabulary.size() + 1) {
      throw new IOException(file + ": counts for " + (itemCounts.length - 1) + " items but the vocabulary holds "
          + vocabulary.size());
    }
    try {
      return new MarkovModel(vocabulary, params, ItemCounts.fromArray(itemCounts),
          TransitionCounts.fromArrays(vocabulary.size(), arrays.require("rowStart"), arrays.require("successor"),
              arrays.require("count")));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** The last item only. */
  @Override
  public int historyWindow() {
    return 1;
  }

  public MarkovParams params() {
    return params;
  }

  /** The transition counts learned from training. */
  public TransitionCounts transitions() {
    return transitions;
  }

  @Override
  public void save(Path dir) throws IOException {
    VocabularyFile.write(vocabulary(), dir.resolve(VocabularyFile.FILE_NAME));
    Map<String, int[]> arrays = new LinkedHashMap<>();
    arrays.put("itemCounts", counts.toArray());
    arrays.put("rowStart", transitions.rowStarts());
    arrays.put("successor", transitions.successors());
    arrays.put("count", transitions.counts());
    IntArraysFile.write(dir.resolve(COUNTS_FILE), arrays);
    Map<String, String> info = new LinkedHashMap<>();
    info.put("interactions", Long.toString(counts.total()));
    info.put("distinctTransitions", Integer.toString(transitions.distinctTransitions()));
    ModelDirectory.seal(dir, ModelManifest.of(TYPE, TYPE, FORMAT, numItems(), null, params, info));
  }
}
