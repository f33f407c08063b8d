package org.recsys.attention.dl4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.train.TrainingBatch;

/**
 * What the layer graphs are built into: the SameDiff instance, the network's weights (graph variables share their
 * memory, so the trainer's Adam updates the graph in place), and the placeholders a step feeds from Java (looked-up
 * rows, dropout masks, the padding mask). Activations are {@code [windows * maxLen, width]}, cell {@code (b, t)} at
 * row {@code b * maxLen + t}, as in {@link TrainingBatch}.
 */
final class GraphContext implements GraphBuilder {
  /** Added to the attention scores of keys a query must not see: exp() of it is exactly 0 in float. */
  static final double MASKED = -1e9;
  /** The placeholder holding 1 for a window cell with an item and 0 for padding, {@code [windows, maxLen]}. */
  static final String VALID = "input.valid";

  private final SameDiff sd;
  private final ParameterSet weights;
  private final int maxLen;
  private final SDVariable valid;
  private final Map<String, SDVariable> variables = new LinkedHashMap<>();
  private final Set<String> trained = new LinkedHashSet<>();
  private final List<RowLookup> lookups = new ArrayList<>();
  private final List<DropoutMask> masks = new ArrayList<>();
  private final List<BatchFeed> feeds = new ArrayList<>();
  private final Map<Boolean, SDVariable> attentionBias = new LinkedHashMap<>();
  private boolean training = true;
  private int encoderLookups = -1;

  GraphContext(SameDiff sd, ParameterSet weights, int maxLen) {
    this.sd = sd;
    this.weights = weights;
    this.maxLen = maxLen;
    this.valid = sd.placeHolder(VALID, DataType.FLOAT, -1, maxLen);
  }

  @Override
  public SameDiff sd() {
    return sd;
  }

  @Override
  public int maxLen() {
    return maxLen;
  }

  @Override
  public SDVariable valid() {
    return valid;
  }

  /**
   * The graph variable of parameter {@code name}, over the parameter's own memory. Parameters taken while the loss
   * is built are the ones whose gradients a step computes.
   */
  @Override
  public SDVariable parameter(String name) {
    SDVariable v = variables.computeIfAbsent(name, n -> sd.var(n, weights.value(n).array()));
    if (training) {
      trained.add(name);
    }
    return v;
  }

  /** The shape of parameter {@code name}. */
  @Override
  public long[] shape(String name) {
    return weights.value(name).shape();
  }

  /** Rows of the trained table {@code table} at each cell's ids, fed by a placeholder; see {@link RowLookup}. */
  SDVariable lookup(String placeholder, String table, int width, int perCell,
      Function<TrainingBatch, int[]> ids) {
    return register(new RowLookup(placeholder, table, null, width, perCell, ids));
  }

  /** Rows of a fixed (untrained) table, row-major with rows of {@code width}. */
  SDVariable fixedLookup(String placeholder, float[] table, int width, Function<TrainingBatch, int[]> ids) {
    return register(new RowLookup(placeholder, null, table, width, 1, ids));
  }

  /** A constant of each training step computed from its batch, {@code [cells, width]}; see {@link BatchFeed}. */
  SDVariable feed(String placeholder, int width, Function<TrainingBatch, float[]> values) {
    feeds.add(new BatchFeed(placeholder, width, values));
    return sd.placeHolder(placeholder, DataType.FLOAT, -1, width);
  }

  private SDVariable register(RowLookup lookup) {
    lookups.add(lookup);
    long[] shape = lookup.shape(-1);
    return sd.placeHolder(lookup.placeholder(), DataType.FLOAT, shape);
  }

  /** {@code x [rows, width]} times a fed dropout mask of that shape; {@code x} itself at rate 0. */
  @Override
  public SDVariable dropout(String name, SDVariable x, double rate, int width) {
    if (rate == 0) {
      return x;
    }
    masks.add(new DropoutMask(name, rate, new long[] {width}, false));
    return x.mul(sd.placeHolder(name, DataType.FLOAT, -1, width));
  }

  /** Attention weights {@code [windows, heads, maxLen, maxLen]} times a fed dropout mask; themselves at rate 0. */
  SDVariable attentionDropout(String name, SDVariable weights, double rate, int heads) {
    if (rate == 0) {
      return weights;
    }
    masks.add(new DropoutMask(name, rate, new long[] {heads, maxLen, maxLen}, true));
    return weights.mul(sd.placeHolder(name, DataType.FLOAT, -1, heads, maxLen, maxLen));
  }

  /**
   * What the attention scores {@code [windows, heads, maxLen, maxLen]} add before the softmax: {@link #MASKED} on
   * padding keys and, when causal, on later keys; 0 elsewhere.
   */
  @Override
  public SDVariable attentionBias(boolean causal) {
    return attentionBias.computeIfAbsent(causal, c -> {
      SDVariable keys = sd.reshape(valid.sub(1.0).mul(-MASKED), -1, 1, 1, maxLen);
      if (!c) {
        return keys;
      }
      INDArray later = Nd4j.zeros(DataType.FLOAT, 1, 1, maxLen, maxLen);
      for (int i = 0; i < maxLen; i++) {
        for (int j = i + 1; j < maxLen; j++) {
          later.putScalar(new long[] {0, 0, i, j}, MASKED);
        }
      }
      return keys.add(sd.constant("attention.causal", later));
    });
  }

  /** Ends the encoder: the lookups registered so far are all inference needs. */
  void encoderBuilt() {
    encoderLookups = lookups.size();
  }

  /** The lookups of the encoder's inputs (inference feeds only these, and the masks). */
  List<RowLookup> encoderLookups() {
    return lookups.subList(0, encoderLookups);
  }

  /** Ends the loss: parameters taken from now on (inference outputs) take no gradient. */
  void lossBuilt() {
    training = false;
  }

  /** The parameters whose gradients a step computes in the graph. */
  Set<String> trained() {
    return trained;
  }

  List<RowLookup> lookups() {
    return lookups;
  }

  List<DropoutMask> masks() {
    return masks;
  }

  /** The loss's batch constants (training steps feed them; inference needs none). */
  List<BatchFeed> feeds() {
    return feeds;
  }
}
