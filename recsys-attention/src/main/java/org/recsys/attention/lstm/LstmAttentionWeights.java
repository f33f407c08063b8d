package org.recsys.attention.lstm;

import static org.recsys.attention.nn.WeightInit.normal;
import static org.recsys.attention.nn.WeightInit.uniform;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.nn.ParameterSet;

/**
 * The tensors of an LSTM-attention network and where each sits in its {@link ParameterSet}.
 *
 * <p>Layout (weights are {@code [in, out]}, applied as {@code x W + b}): {@code item_embedding [n+1, d]} (row 0
 * is padding and stays zero); per LSTM layer {@code wx [in, 4h]}, {@code wh [h, 4h]} and {@code b [4h]} with the
 * gates in the order input, forget, cell, output; the additive attention's {@code wq [h, a]}, {@code bq [a]},
 * {@code wk [h, a]} and {@code v [a]}; the combination {@code [h_t ; context_t] -> state} as
 * {@code combine.w [2h, d]} and {@code combine.b [d]}; and, for a dense output layer, {@code output.table
 * [n+1, d+1]} whose last column is the per-item bias; last, when training uses one, the binary losses'
 * {@code score_bias [1]} (see {@link org.recsys.attention.nn.OutputLoss}).
 */
final class LstmAttentionWeights implements AutoCloseable {
  static final int ITEM = 0;
  static final int WX = 0;
  static final int WH = 1;
  static final int B = 2;
  static final int PER_LAYER = 3;

  final int numItems;
  final int dim;
  final int hidden;
  final int layers;
  final int attention;
  final OutputKind output;
  final boolean hasScoreBias;
  final ParameterSet set;

  private LstmAttentionWeights(int numItems, int dim, int hidden, int layers, int attention, OutputKind output,
      boolean hasScoreBias) {
    this.hasScoreBias = hasScoreBias;
    this.numItems = numItems;
    this.dim = dim;
    this.hidden = hidden;
    this.layers = layers;
    this.attention = attention;
    this.output = output;
    List<Parameter> p = new ArrayList<>();
    p.add(Parameter.zeros("item_embedding", true, numItems + 1, dim));
    for (int l = 0; l < layers; l++) {
      String n = "lstm" + l + ".";
      p.add(Parameter.zeros(n + "wx", false, l == 0 ? dim : hidden, 4L * hidden));
      p.add(Parameter.zeros(n + "wh", false, hidden, 4L * hidden));
      p.add(Parameter.zeros(n + "b", false, 4L * hidden));
    }
    p.add(Parameter.zeros("attention.wq", false, hidden, attention));
    p.add(Parameter.zeros("attention.bq", false, attention));
    p.add(Parameter.zeros("attention.wk", false, hidden, attention));
    p.add(Parameter.zeros("attention.v", false, attention));
    p.add(Parameter.zeros("combine.w", false, 2L * hidden, dim));
    p.add(Parameter.zeros("combine.b", false, dim));
    if (output == OutputKind.DENSE) {
      p.add(Parameter.zeros("output.table", false, numItems + 1, dim + 1));
    }
    if (hasScoreBias) {
      p.add(Parameter.zeros("score_bias", false, 1));
    }
    this.set = new ParameterSet(p);
  }

  /** Zero-filled tensors of the given sizes (to be initialised or loaded). */
  static LstmAttentionWeights allocate(int numItems, int dim, int hidden, int layers, int attention,
      OutputKind output, boolean hasScoreBias) {
    if (numItems < 1 || dim < 1 || hidden < 1 || layers < 1 || attention < 1 || output == null) {
      throw new IllegalArgumentException("bad LSTM-attention sizes: items=" + numItems + " dim=" + dim + " hidden="
          + hidden + " layers=" + layers + " attention=" + attention + " output=" + output);
    }
    return new LstmAttentionWeights(numItems, dim, hidden, layers, attention, output, hasScoreBias);
  }

  static LstmAttentionWeights allocate(LstmAttentionParams p, int numItems) {
    return allocate(numItems, p.embeddingSize(), p.hiddenSize(), p.layers(), p.attentionSize(), p.outputKind(),
        p.training().hasScoreBias());
  }

  /** Index of tensor {@code which} ({@link #WX}, {@link #WH}, {@link #B}) of LSTM layer {@code layer}. */
  static int layerIndex(int layer, int which) {
    return 1 + layer * PER_LAYER + which;
  }

  int wq() {
    return 1 + layers * PER_LAYER;
  }

  int bq() {
    return wq() + 1;
  }

  int wk() {
    return wq() + 2;
  }

  int v() {
    return wq() + 3;
  }

  int combineW() {
    return wq() + 4;
  }

  int combineB() {
    return wq() + 5;
  }

  /** Index of the table that states are scored against: the item embeddings, or the dense output table. */
  int scoreTable() {
    return output == OutputKind.DENSE ? wq() + 6 : ITEM;
  }

  /** Index of the score bias, or -1 when there is none. */
  int scoreBias() {
    return hasScoreBias ? set.size() - 1 : -1;
  }

  /** The state size: {@code d}, or {@code d + 1} with the constant 1 that meets the dense layer's bias. */
  int stateDim() {
    return output == OutputKind.DENSE ? dim + 1 : dim;
  }

  FloatTensor value(int index) {
    return set.get(index).value();
  }

  FloatTensor layer(int layer, int which) {
    return value(layerIndex(layer, which));
  }

  /**
   * Initialises: item embeddings and the dense table normal with std {@code 1/sqrt(d)} (padding row and bias
   * column zero); LSTM weights and biases uniform in {@code +-1/sqrt(h)} (PyTorch's default) with the forget
   * gate's bias raised by 1; attention and combination matrices Xavier-normal, their biases 0, the attention
   * vector uniform in {@code +-1/sqrt(a)}. The score bias, if any, is left at zero for the caller, who knows
   * the loss's base rate.
   */
  void initialise(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int d = dim;
    int h = hidden;
    normal(value(ITEM), 1 / Math.sqrt(d), random);
    value(ITEM).fill(0, d, 0f);
    float bound = (float) (1 / Math.sqrt(h));
    for (int l = 0; l < layers; l++) {
      uniform(layer(l, WX), bound, random);
      uniform(layer(l, WH), bound, random);
      FloatTensor b = layer(l, B);
      uniform(b, bound, random);
      for (int j = h; j < 2 * h; j++) {
        b.set(j, b.get(j) + 1f);
      }
    }
    normal(value(wq()), Math.sqrt(2.0 / (h + attention)), random);
    value(bq()).fill(0f);
    normal(value(wk()), Math.sqrt(2.0 / (h + attention)), random);
    uniform(value(v()), (float) (1 / Math.sqrt(attention)), random);
    normal(value(combineW()), Math.sqrt(2.0 / (2 * h + d)), random);
    value(combineB()).fill(0f);
    if (output == OutputKind.DENSE) {
      FloatTensor t = value(scoreTable());
      normal(t, 1 / Math.sqrt(d), random);
      t.fill(0, d + 1, 0f);
      for (int i = 1; i <= numItems; i++) {
        t.set(i * (d + 1) + d, 0f);
      }
    }
  }

  @Override
  public void close() {
    set.close();
  }
}
