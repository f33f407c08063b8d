package org.recsys.baselines.pop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recsys.api.HistoryWindow;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.TrainedModel;
import org.recsys.api.VocabularyFile;
import org.recsys.store.ModelDirectory;
import org.recsys.store.ModelManifest;
import org.recsys.baselines.IdChecks;
import org.recsys.baselines.IntArraysFile;
import org.recsys.baselines.ItemCounts;

/**
 * Most-popular items: every item scores its number of training interactions, whatever the history. Items the
 * user already saw are left out by the caller's exclude list (as {@code recommend(history, k)} does).
 */
public final class PopModel implements TrainedModel, HistoryWindow {
  /** The component name. */
  public static final String TYPE = "pop";
  static final int FORMAT = 1;
  static final String COUNTS_FILE = "counts.bin";

  private final ItemVocabulary vocabulary;
  private final ItemCounts counts;
  private final float[] scores;

  PopModel(ItemVocabulary vocabulary, ItemCounts counts) {
    if (counts.numItems() != vocabulary.size()) {
      throw new IllegalArgumentException("counts for " + counts.numItems() + " items but the vocabulary holds "
          + vocabulary.size());
    }
    this.vocabulary = vocabulary;
    this.counts = counts;
    this.scores = new float[vocabulary.size() + 1];
    scores[0] = Float.NEGATIVE_INFINITY;
    for (int i = 1; i < scores.length; i++) {
      scores[i] = counts.count(i);
    }
  }

  /**
   * Counts the items of {@code train}.
   *
   * @throws IllegalArgumentException when {@code train} holds no interaction
   */
  public static PopModel train(SequenceDataset train) {
    return new PopModel(train.items(), ItemCounts.of(train));
  }

  /** Loads a model written by {@link #save}. */
  public static PopModel load(Path dir) throws IOException {
    ModelManifest manifest = ModelDirectory.open(dir, TYPE, FORMAT);
    manifest.params(PopParams.class, dir);
    ItemVocabulary vocabulary = VocabularyFile.read(dir.resolve(VocabularyFile.FILE_NAME));
    manifest.checkItems(vocabulary.size(), dir);
    Path file = dir.resolve(COUNTS_FILE);
    int[] raw = IntArraysFile.read(file).require("itemCounts");
    if (raw.length != vocabulary.size() + 1) {
      throw new IOException(file + ": counts for " + (raw.length - 1) + " items but the vocabulary holds "
          + vocabulary.size());
    }
    try {
      return new PopModel(vocabulary, ItemCounts.fromArray(raw));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** The training counts the scores come from. */
  public ItemCounts counts() {
    return counts;
  }

  /** None: the scores ignore the history. */
  @Override
  public int historyWindow() {
    return 0;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public ItemVocabulary vocabulary() {
    return vocabulary;
  }

  @Override
  public int numItems() {
    return vocabulary.size();
  }

  @Override
  public float[][] scoreAll(List<int[]> histories) {
    IdChecks.histories(histories, numItems());
    float[][] out = new float[histories.size()][];
    for (int u = 0; u < out.length; u++) {
      out[u] = scores.clone();
    }
    return out;
  }

  @Override
  public float[][] scoreCandidates(List<int[]> histories, int[][] candidates) {
    IdChecks.histories(histories, numItems());
    IdChecks.candidates(candidates, histories.size(), numItems());
    float[][] out = new float[candidates.length][];
    for (int u = 0; u < out.length; u++) {
      int[] c = candidates[u];
      out[u] = new float[c.length];
      for (int j = 0; j < c.length; j++) {
        out[u][j] = scores[c[j]];
      }
    }
    return out;
  }

  @Override
  public void save(Path dir) throws IOException {
    VocabularyFile.write(vocabulary, dir.resolve(VocabularyFile.FILE_NAME));
    Map<String, int[]> arrays = new LinkedHashMap<>();
    arrays.put("itemCounts", counts.toArray());
    IntArraysFile.write(dir.resolve(COUNTS_FILE), arrays);
    Map<String, String> info = new LinkedHashMap<>();
    info.put("interactions", Long.toString(counts.total()));
    ModelDirectory.seal(dir, ModelManifest.of(TYPE, TYPE, FORMAT, numItems(), null, new PopParams(), info));
  }
}
