package org.recsys.attention.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * An encoder block's forward computation in SameDiff, from rows {@code [windows * maxLen, inputSize]} to
 * {@code [windows * maxLen, outputSize]}. Only the forward: SameDiff differentiates it on the dl4j backend, and
 * the same graph computes the block at inference on either backend.
 */
@FunctionalInterface
public interface BlockGraph {
  SDVariable forward(GraphBuilder g, SDVariable x);
}
