package org.recsys.baselines.tribuo;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.recsys.api.Scorer;
import org.recsys.baselines.IdChecks;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelInfo;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SparseVector;

/**
 * Reads a Tribuo classifier's scores for every label and maps each label (an internal item id) back to its
 * item. Scores are log-probabilities for probabilistic models (Tribuo's softmax output) and Tribuo's raw
 * scores otherwise.
 *
 * <ul>
 *   <li>Items Tribuo never saw as a label score {@link #UNSEEN_LABEL_SCORE} ({@code -Float.MAX_VALUE}): finite,
 *       so they can still be recommended after every seen label, but below all of them (seen labels never score
 *       below {@link #SEEN_LABEL_FLOOR}). They tie among themselves.
 *   <li>A history with no feature the model knows (an empty history, or only items absent from training
 *       features) gets the log of the training label frequencies: what an intercept-only model predicts.
 *       Tribuo itself refuses such examples.
 *   <li>Linear models ({@link LinearSGDModel}) are scored through Tribuo's own {@link LinearParameters#predict}
 *       followed by a log-softmax, skipping the per-label {@link Label} objects of a {@link Prediction}; other
 *       models go through {@link Model#predict(Iterable)} and {@link Prediction#getOutputScores()}. Both give the
 *       same numbers up to rounding.
 * </ul>
 */
public final class TribuoScorer implements Scorer<List<Example<Label>>> {
  /** The score of an item that was never a training label. */
  public static final float UNSEEN_LABEL_SCORE = -Float.MAX_VALUE;
  /** Scores of seen labels are clamped to at least this, keeping them above unseen ones. */
  public static final float SEEN_LABEL_FLOOR = -1e30f;

  private final Model<Label> model;
  private final int numItems;
  private final ImmutableFeatureMap featureMap;
  private final int[] labelToItem;
  private final float[] priorRow;
  private final LinearParameters linear;
  private final boolean linearBias;
  private final boolean probabilistic;

  /**
   * @param model a trained Tribuo classifier whose labels are item ids in {@code 1..numItems}
   * @throws IllegalArgumentException when a label is not such an id
   */
  public TribuoScorer(Model<Label> model, int numItems) {
    this(model, numItems, true);
  }

  /** {@code linearFastPath = false} forces the generic path (for comparisons). */
  TribuoScorer(Model<Label> model, int numItems, boolean linearFastPath) {
    this.model = Objects.requireNonNull(model, "model");
    this.numItems = numItems;
    this.featureMap = model.getFeatureIDMap();
    this.probabilistic = model.generatesProbabilities();
    ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
    this.labelToItem = new int[outputs.size()];
    long[] labelCounts = new long[outputs.size()];
    for (Pair<Integer, Label> p : outputs) {
      int item = itemOf(p.getB().getLabel());
      labelToItem[p.getA()] = item;
      labelCounts[p.getA()] = outputs instanceof LabelInfo info ? info.getLabelCount(p.getB()) : 1;
    }
    this.priorRow = priorRow(labelCounts);
    if (linearFastPath && model instanceof LinearSGDModel lm
        && lm.getModelParameters() instanceof LinearParameters lp) {
      this.linear = lp;
      int columns = lp.getWeightMatrix().getDimension2Size();
      this.linearBias = columns == featureMap.size() + 1;
      if (!linearBias && columns != featureMap.size()) {
        throw new IllegalArgumentException("linear model has " + columns + " weight columns for "
            + featureMap.size() + " features");
      }
    } else {
      this.linear = null;
      this.linearBias = false;
    }
  }

  /** The Tribuo model read by this scorer. */
  public Model<Label> model() {
    return model;
  }

  /** The number of distinct labels (items) Tribuo saw in training. */
  public int numLabels() {
    return labelToItem.length;
  }

  @Override
  public int numItems() {
    return numItems;
  }

  @Override
  public float[][] scoreAll(List<Example<Label>> states) {
    float[][] out = new float[states.size()][];
    for (int u = 0; u < out.length; u++) {
      Example<Label> ex = states.get(u);
      if (!hasKnownFeature(ex)) {
        out[u] = priorRow.clone();
      } else if (linear != null) {
        out[u] = linearRow(ex);
      }
    }
    genericRows(states, out);
    return out;
  }

  @Override
  public float[][] scoreCandidates(List<Example<Label>> states, int[][] candidates) {
    IdChecks.candidates(candidates, states.size(), numItems);
    float[][] rows = scoreAll(states);
    float[][] out = new float[candidates.length][];
    for (int u = 0; u < out.length; u++) {
      int[] c = candidates[u];
      out[u] = new float[c.length];
      for (int j = 0; j < c.length; j++) {
        out[u][j] = rows[u][c[j]];
      }
    }
    return out;
  }

  private boolean hasKnownFeature(Example<Label> ex) {
    for (Feature f : ex) {
      if (featureMap.getID(f.getName()) >= 0) {
        return true;
      }
    }
    return false;
  }

  private float[] linearRow(Example<Label> ex) {
    DenseVector scores = linear.predict(SparseVector.createSparseVector(ex, featureMap, linearBias));
    double shift = 0;
    if (probabilistic) {
      // log softmax, as Tribuo's ExpNormalizer computes the softmax: subtract the max before exponentiating.
      double max = scores.maxValue();
      double sum = 0;
      for (int k = 0; k < labelToItem.length; k++) {
        sum += Math.exp(scores.get(k) - max);
      }
      shift = max + Math.log(sum);
    }
    float[] row = emptyRow();
    for (int k = 0; k < labelToItem.length; k++) {
      row[labelToItem[k]] = clamp(scores.get(k) - shift);
    }
    return row;
  }

  /** Fills the rows still null through Tribuo's generic prediction API, in one batch. */
  private void genericRows(List<Example<Label>> states, float[][] out) {
    List<Example<Label>> todo = new java.util.ArrayList<>();
    int[] where = new int[out.length];
    for (int u = 0; u < out.length; u++) {
      if (out[u] == null) {
        where[todo.size()] = u;
        todo.add(states.get(u));
      }
    }
    if (todo.isEmpty()) {
      return;
    }
    List<Prediction<Label>> predictions = model.predict(todo);
    for (int i = 0; i < predictions.size(); i++) {
      float[] row = emptyRow();
      for (Label l : predictions.get(i).getOutputScores().values()) {
        double s = probabilistic ? Math.log(l.getScore()) : l.getScore();
        row[itemOf(l.getLabel())] = clamp(s);
      }
      out[where[i]] = row;
    }
  }

  private float[] priorRow(long[] labelCounts) {
    long total = 0;
    for (long c : labelCounts) {
      total += c;
    }
    float[] row = emptyRow();
    for (int k = 0; k < labelToItem.length; k++) {
      row[labelToItem[k]] = clamp(Math.log(labelCounts[k] / (double) total));
    }
    return row;
  }

  private float[] emptyRow() {
    float[] row = new float[numItems + 1];
    Arrays.fill(row, UNSEEN_LABEL_SCORE);
    row[0] = Float.NEGATIVE_INFINITY;
    return row;
  }

  private static float clamp(double score) {
    if (Double.isNaN(score)) {
      throw new IllegalStateException("Tribuo produced a NaN score (diverged training? lower the learning rate)");
    }
    return (float) Math.max(score, SEEN_LABEL_FLOOR);
  }

  private int itemOf(String label) {
    int item;
    try {
      item = Integer.parseInt(label);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Tribuo label '" + label + "' is not an item id", e);
    }
    if (item < 1 || item > numItems) {
      throw new IllegalArgumentException("Tribuo label '" + label + "' is outside the items 1.." + numItems);
    }
    return item;
  }
}
