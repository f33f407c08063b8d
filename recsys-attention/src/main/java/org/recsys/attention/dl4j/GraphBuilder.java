package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * What a {@link BlockGraph} builds its forward computation with. Activations are rows {@code [windows * maxLen,
 * width]}: cell {@code (b, t)} of window {@code b} at row {@code b * maxLen + t}, windows right-aligned (padding
 * first).
 */
public interface GraphBuilder {
  /** The graph being built: {@code sd().nn}, {@code sd().math}, ... */
  SameDiff sd();

  /** The window length. */
  int maxLen();

  /** 1 for each window cell holding an item and 0 for padding, {@code [windows, maxLen]}. */
  SDVariable valid();

  /** The graph variable of the block's parameter {@code name} (declared by its layer), over the weights' memory. */
  SDVariable parameter(String name);

  /** The shape of parameter {@code name}. */
  long[] shape(String name);

  /**
   * {@code x [rows, width]} with inverted dropout at {@code rate} while training (the masks are drawn in Java and
   * fed: SameDiff's own dropout has no gradient in DL4J 1.0.0-M2.1); {@code x} itself at inference or rate 0.
   *
   * @param name a name unique in the network, e.g. the block's name plus {@code .dropout}
   */
  SDVariable dropout(String name, SDVariable x, double rate, int width);

  /**
   * What attention scores {@code [windows, heads, maxLen, maxLen]} add before a softmax: a large negative number
   * on padding keys and, when {@code causal}, on later keys; 0 elsewhere.
   */
  SDVariable attentionBias(boolean causal);
}
