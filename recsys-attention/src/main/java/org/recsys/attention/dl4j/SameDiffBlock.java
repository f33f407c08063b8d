package org.recsys.attention.dl4j;

import java.util.List;
import java.util.Objects;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.layer.LayerPass;
import org.recsys.attention.layer.ParameterSpec;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.spec.BlockContext;

/**
 * An encoder block defined only by its forward computation in SameDiff ({@link BlockGraph}) and the parameters it
 * declares: what a {@link org.recsys.attention.spec.BlockType} returns for a block with no native kernels. It
 * trains on {@code model.backend: dl4j}, where SameDiff differentiates it (the native backend refuses it, naming
 * the block, at config time); at inference, on either backend, its graph computes it on padded windows.
 */
public final class SameDiffBlock implements Layer {
  private final String name;
  private final int inputSize;
  private final int outputSize;
  private final int maxLen;
  private final List<ParameterSpec> parameters;
  private final boolean causal;
  private final BlockGraph graph;

  private SameDiffBlock(String name, int inputSize, int outputSize, int maxLen, List<ParameterSpec> parameters,
      boolean causal, BlockGraph graph) {
    if (inputSize < 1 || outputSize < 1 || maxLen < 1) {
      throw new IllegalArgumentException("block " + name + ": sizes " + inputSize + " -> " + outputSize
          + " over windows of " + maxLen);
    }
    for (ParameterSpec p : parameters) {
      if (!p.name().startsWith(name + ".")) {
        throw new IllegalArgumentException("block " + name + ": parameter " + p.name() + " must be named "
            + name + ".<something>");
      }
    }
    this.name = name;
    this.inputSize = inputSize;
    this.outputSize = outputSize;
    this.maxLen = maxLen;
    this.parameters = List.copyOf(parameters);
    this.causal = causal;
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /**
   * A block in {@code context} (its name, input size and window length).
   *
   * @param parameters what the graph reads through {@link GraphBuilder#parameter}, each named
   *     {@code context.name() + "."...}
   * @param causal whether each row's output depends only on earlier rows of its window (false makes the block
   *     unusable for next-item training, as bidirectional attention is)
   */
  public static SameDiffBlock of(BlockContext context, int outputSize, List<ParameterSpec> parameters,
      boolean causal, BlockGraph graph) {
    return new SameDiffBlock(context.name(), context.inputSize(), outputSize, context.maxLen(), parameters, causal,
        graph);
  }

  /** The forward computation. */
  public BlockGraph graph() {
    return graph;
  }

  /** The window length the graph is built for. */
  public int maxLen() {
    return maxLen;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int inputSize() {
    return inputSize;
  }

  @Override
  public int outputSize() {
    return outputSize;
  }

  @Override
  public List<ParameterSpec> parameters() {
    return parameters;
  }

  @Override
  public boolean causal() {
    return causal;
  }

  @Override
  public boolean trainsNatively() {
    return false;
  }

  /**
   * An inference pass through the graph.
   *
   * @throws UnsupportedOperationException for a trainable pass: native training needs a hand-written backward
   */
  @Override
  public LayerPass pass(ParameterSet weights, boolean trainable) {
    if (trainable) {
      throw new UnsupportedOperationException("block " + name + " is defined only as a SameDiff graph: it trains on"
          + " model.backend: dl4j");
    }
    return new SameDiffBlockPass(this, weights);
  }

  /** What the graph gives a window whose only cell is an all-zero row. */
  @Override
  public float[] emptyOutput(ParameterSet weights) {
    try (SameDiffBlockPass pass = new SameDiffBlockPass(this, weights)) {
      return pass.zeroRowOutput();
    }
  }
}
