package org.recsys.attention.sasrec;

import static org.recsys.attention.nn.WeightInit.normal;
import static org.recsys.attention.nn.WeightInit.uniform;
import static org.recsys.attention.nn.WeightInit.xavier;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.nn.ParameterSet;

/**
 * The tensors of a SASRec network and where each sits in its {@link ParameterSet}.
 *
 * <p>Layout (weights are {@code [in, out]}, applied as {@code x W + b}): {@code item_embedding [n+1, d]} (row
 * 0 is padding and stays zero), {@code position_embedding [maxLen, d]}, then per block 16 tensors in the order
 * of the {@code LN1_GAIN..FFN_B2} constants, then the final layer norm's gain and bias, and last, when training
 * uses one, the binary losses' {@code score_bias [1]} (see {@link org.recsys.attention.nn.OutputLoss}).
 */
final class SasRecWeights implements AutoCloseable {
  static final int ITEM = 0;
  static final int POSITION = 1;
  static final int LN1_GAIN = 0;
  static final int LN1_BIAS = 1;
  static final int WQ = 2;
  static final int BQ = 3;
  static final int WK = 4;
  static final int BK = 5;
  static final int WV = 6;
  static final int BV = 7;
  static final int WO = 8;
  static final int BO = 9;
  static final int LN2_GAIN = 10;
  static final int LN2_BIAS = 11;
  static final int W1 = 12;
  static final int B1 = 13;
  static final int W2 = 14;
  static final int B2 = 15;
  static final int PER_BLOCK = 16;

  final int numItems;
  final int maxLen;
  final int dim;
  final int blocks;
  final int heads;
  final PositionOrigin positions;
  final boolean hasScoreBias;
  final ParameterSet set;

  private SasRecWeights(int numItems, int maxLen, int dim, int blocks, int heads, PositionOrigin positions,
      boolean hasScoreBias) {
    this.hasScoreBias = hasScoreBias;
    this.positions = positions;
    this.numItems = numItems;
    this.maxLen = maxLen;
    this.dim = dim;
    this.blocks = blocks;
    this.heads = heads;
    List<Parameter> p = new ArrayList<>();
    p.add(Parameter.zeros("item_embedding", true, numItems + 1, dim));
    p.add(Parameter.zeros("position_embedding", false, maxLen, dim));
    for (int l = 0; l < blocks; l++) {
      String b = "block" + l + ".";
      p.add(Parameter.zeros(b + "attention_norm.gain", false, dim));
      p.add(Parameter.zeros(b + "attention_norm.bias", false, dim));
      p.add(Parameter.zeros(b + "attention.wq", false, dim, dim));
      p.add(Parameter.zeros(b + "attention.bq", false, dim));
      p.add(Parameter.zeros(b + "attention.wk", false, dim, dim));
      p.add(Parameter.zeros(b + "attention.bk", false, dim));
      p.add(Parameter.zeros(b + "attention.wv", false, dim, dim));
      p.add(Parameter.zeros(b + "attention.bv", false, dim));
      p.add(Parameter.zeros(b + "attention.wo", false, dim, dim));
      p.add(Parameter.zeros(b + "attention.bo", false, dim));
      p.add(Parameter.zeros(b + "ffn_norm.gain", false, dim));
      p.add(Parameter.zeros(b + "ffn_norm.bias", false, dim));
      p.add(Parameter.zeros(b + "ffn.w1", false, dim, dim));
      p.add(Parameter.zeros(b + "ffn.b1", false, dim));
      p.add(Parameter.zeros(b + "ffn.w2", false, dim, dim));
      p.add(Parameter.zeros(b + "ffn.b2", false, dim));
    }
    p.add(Parameter.zeros("final_norm.gain", false, dim));
    p.add(Parameter.zeros("final_norm.bias", false, dim));
    if (hasScoreBias) {
      p.add(Parameter.zeros("score_bias", false, 1));
    }
    this.set = new ParameterSet(p);
  }

  /** Zero-filled tensors of the given sizes (to be initialised or loaded). */
  static SasRecWeights allocate(int numItems, int maxLen, int dim, int blocks, int heads,
      PositionOrigin positions, boolean hasScoreBias) {
    if (numItems < 1 || maxLen < 1 || dim < 1 || blocks < 0 || heads < 1 || dim % heads != 0) {
      throw new IllegalArgumentException("bad SASRec sizes: items=" + numItems + " maxLen=" + maxLen + " dim="
          + dim + " blocks=" + blocks + " heads=" + heads);
    }
    return new SasRecWeights(numItems, maxLen, dim, blocks, heads, java.util.Objects.requireNonNull(positions),
        hasScoreBias);
  }

  /** Index of tensor {@code which} of block {@code block} in the set. */
  static int blockIndex(int block, int which) {
    return 2 + block * PER_BLOCK + which;
  }

  int finalGain() {
    return 2 + blocks * PER_BLOCK;
  }

  int finalBias() {
    return finalGain() + 1;
  }

  /** Index of the score bias, or -1 when there is none. */
  int scoreBias() {
    return hasScoreBias ? finalBias() + 1 : -1;
  }

  FloatTensor value(int index) {
    return set.get(index).value();
  }

  FloatTensor block(int block, int which) {
    return set.get(blockIndex(block, which)).value();
  }

  /**
   * Draws fresh weights by {@code scheme} from {@code seed}; see {@link Initialisation}. The score bias, if any,
   * is left at zero for the caller, who knows the loss's base rate.
   */
  void initialise(long seed, Initialisation scheme) {
    SplittableRandom random = new SplittableRandom(seed);
    int d = dim;
    boolean xavierScheme = scheme == Initialisation.XAVIER;
    double std = Initialisation.NORMAL_STD;
    if (xavierScheme) {
      xavier(value(ITEM), numItems + 1, d, random);
    } else {
      normal(value(ITEM), std, random);
    }
    value(ITEM).fill(0, d, 0f);
    if (xavierScheme) {
      xavier(value(POSITION), maxLen, d, random);
    } else {
      normal(value(POSITION), std, random);
    }
    double inProjStd = Math.sqrt(2.0 / (d + 3 * d));
    float inProjBound = (float) Math.sqrt(6.0 / (d + 3 * d));
    double squareStd = xavierScheme ? Math.sqrt(2.0 / (d + d)) : std;
    float bound = (float) (1 / Math.sqrt(d));
    for (int l = 0; l < blocks; l++) {
      block(l, LN1_GAIN).fill(1f);
      block(l, LN1_BIAS).fill(0f);
      for (int which : new int[] {WQ, WK, WV}) {
        if (xavierScheme) {
          normal(block(l, which), inProjStd, random);
        } else {
          uniform(block(l, which), inProjBound, random);
        }
      }
      block(l, BQ).fill(0f);
      block(l, BK).fill(0f);
      block(l, BV).fill(0f);
      normal(block(l, WO), squareStd, random);
      block(l, BO).fill(0f);
      block(l, LN2_GAIN).fill(1f);
      block(l, LN2_BIAS).fill(0f);
      normal(block(l, W1), squareStd, random);
      if (xavierScheme) {
        uniform(block(l, B1), bound, random);
      } else {
        block(l, B1).fill(0f);
      }
      normal(block(l, W2), squareStd, random);
      if (xavierScheme) {
        uniform(block(l, B2), bound, random);
      } else {
        block(l, B2).fill(0f);
      }
    }
    value(finalGain()).fill(1f);
    value(finalBias()).fill(0f);
  }

  @Override
  public void close() {
    set.close();
  }
}
