package org.recsys.attention.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;

/**
 * An encoder composed of layers: the item (and position) embedding, then each block in turn, then an optional
 * final layer norm. Row {@code r}'s output is the state a head scores at that position.
 */
public record SequenceEncoder(SequenceEmbedding embedding, List<Layer> blocks, Optional<LayerNormLayer> finalNorm) {
  public SequenceEncoder {
    blocks = List.copyOf(blocks);
    int size = embedding.size();
    for (Layer b : blocks) {
      if (b.inputSize() != size) {
        throw new IllegalArgumentException(b.name() + " takes rows of " + b.inputSize() + " where the layer before"
            + " gives " + size);
      }
      size = b.outputSize();
    }
    if (finalNorm.isPresent() && finalNorm.get().size() != size) {
      throw new IllegalArgumentException(finalNorm.get().name() + " normalises " + finalNorm.get().size()
          + " where the last block gives " + size);
    }
  }

  /** The size of the states. */
  public int outputSize() {
    return blocks.isEmpty() ? embedding.size() : blocks.get(blocks.size() - 1).outputSize();
  }

  /** Every parameter: the embedding's, each block's, the final norm's. */
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> p = new ArrayList<>(embedding.parameters());
    for (Layer b : blocks) {
      p.addAll(b.parameters());
    }
    finalNorm.ifPresent(n -> p.addAll(n.parameters()));
    return p;
  }

  /**
   * Whether every block can read rows a sequence shares with another ({@link Layer#sharesPrefixes}): then an
   * inference batch may be packed {@link org.recsys.attention.train.PackedSequences#sharingPrefixes sharing
   * prefixes}. The embedding and the final norm work row by row, so they always can.
   */
  public boolean sharesPrefixes() {
    return blocks.stream().allMatch(Layer::sharesPrefixes);
  }

  /** The state of an empty history: the last layer's output for an all-zero input (see {@link Layer#emptyOutput}). */
  public float[] emptyState(ParameterSet weights) {
    if (finalNorm.isPresent()) {
      return finalNorm.get().emptyOutput(weights);
    }
    return blocks.isEmpty() ? new float[embedding.size()] : blocks.get(blocks.size() - 1).emptyOutput(weights);
  }

  public Pass pass(ParameterSet weights, boolean trainable) {
    return new Pass(weights, trainable);
  }

  /** One thread's pass through the whole encoder. */
  public final class Pass implements AutoCloseable {
    private final SequenceEmbedding.Pass input;
    private final List<LayerPass> layers = new ArrayList<>();
    private final LayerNormLayer.Pass norm;
    private FloatTensor lastStates;
    private int lastCapacity;

    Pass(ParameterSet weights, boolean trainable) {
      input = embedding.pass(weights, trainable);
      for (Layer b : blocks) {
        layers.add(b.pass(weights, trainable));
      }
      norm = finalNorm.map(n -> n.pass(weights, trainable)).orElse(null);
    }

    /** The states of every row ({@code rows.rows() x outputSize()}), in a buffer of this pass. */
    public FloatTensor forward(Rows rows) {
      FloatTensor x = input.forward(rows);
      for (LayerPass l : layers) {
        x = l.forward(rows, x);
      }
      return norm == null ? x : norm.forward(rows, x);
    }

    /**
     * At inference, the state of each sequence's last row only ({@code last.rows() x outputSize()}, in the order
     * of {@code last}, which this resets to the last rows of {@code rows}), in a buffer of this pass: the last
     * block skips the other rows' work.
     */
    public FloatTensor forwardLast(Rows rows, Rows last) {
      FloatTensor x = input.forward(rows);
      last.resetToLastRows(rows);
      int width = embedding.size();
      if (lastStates == null || lastCapacity < last.rows()) {
        if (lastStates != null) {
          lastStates.close();
        }
        lastCapacity = Math.max(last.rows(), 1);
        lastStates = FloatTensor.zeros((long) lastCapacity * outputSize());
      }
      if (layers.isEmpty()) {
        RowKernels.gatherRows(x, rows, last, lastStates, width);
      } else {
        for (int l = 0; l < layers.size() - 1; l++) {
          x = layers.get(l).forward(rows, x);
        }
        layers.get(layers.size() - 1).forwardLast(rows, last, x, lastStates, outputSize());
      }
      return norm == null ? lastStates : norm.forward(last, lastStates);
    }

    /**
     * After {@link #forward}, the attention weights of sequence {@code s}'s last row in every attending block, in
     * block order.
     */
    public List<RowAttention> lastRowAttention(Rows rows, int s) {
      List<RowAttention> out = new ArrayList<>();
      for (LayerPass l : layers) {
        out.addAll(l.lastRowAttention(rows, s));
      }
      return out;
    }

    /** Back-propagates d(loss)/d(states) ({@code dy}, overwritten) into the gradients. */
    public void backward(Rows rows, FloatTensor dy, FloatTensor[] grads) {
      FloatTensor g = norm == null ? dy : norm.backward(rows, dy, grads);
      for (int l = layers.size() - 1; l >= 0; l--) {
        g = layers.get(l).backward(rows, g, grads);
      }
      input.backward(rows, g, grads);
    }

    @Override
    public void close() {
      input.close();
      layers.forEach(LayerPass::close);
      if (norm != null) {
        norm.close();
      }
      if (lastStates != null) {
        lastStates.close();
      }
    }
  }
}
