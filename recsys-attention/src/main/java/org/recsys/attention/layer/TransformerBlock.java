package org.recsys.attention.layer;

import java.util.ArrayList;
import java.util.List;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;

/**
 * A transformer block: multi-head self-attention (causal or bidirectional) and a point-wise feed-forward layer,
 * each with a layer norm and a residual, wired as {@link BlockLayout} says. Parameters (under {@code <name>}):
 * {@code attention_norm.*}, {@code attention.*}, {@code ffn_norm.*}, {@code ffn.*}.
 *
 * <p>The sub-layers' products write into and accumulate onto each other's buffers (residuals are added inside
 * the GEMMs that produce them), so composing them costs no extra pass over the data.
 *
 * @param inner the feed-forward's hidden size
 * @param dropout the drop rate of the feed-forward's hidden units and of the residual branches
 * @param attentionDropout the drop rate of the attention weights
 * @param eps the layer norms' epsilon
 * @param activation the feed-forward's non-linearity
 */
public record TransformerBlock(String name, int size, int heads, int inner, boolean causal, BlockLayout layout,
    double dropout, double attentionDropout, float eps, Activation activation, Initialisation init) implements Layer {

  /** The layer norm before (or, post-LN, after) the attention: {@code <name>.attention_norm}. */
  public LayerNormLayer attentionNorm() {
    return new LayerNormLayer(name + ".attention_norm", size, eps);
  }

  /** The self-attention: {@code <name>.attention}. */
  public SelfAttention attention() {
    return new SelfAttention(name + ".attention", size, heads, causal, attentionDropout, init);
  }

  /** The layer norm around the feed-forward: {@code <name>.ffn_norm}. */
  public LayerNormLayer ffnNorm() {
    return new LayerNormLayer(name + ".ffn_norm", size, eps);
  }

  /** The point-wise feed-forward: {@code <name>.ffn}. */
  public FeedForward ffn() {
    return new FeedForward(name + ".ffn", size, inner, dropout, activation, init);
  }

  /** The dropout of a residual branch, {@code attention} or {@code ffn}: {@code <name>.<which>_dropout}. */
  public Dropout residualDropout(String which) {
    return new Dropout(name + "." + which + "_dropout", size, dropout);
  }

  @Override
  public boolean causal() {
    return causal;
  }

  /** A causal one: its rows' keys may lie in another sequence of the pass, the rest of its work is row by row. */
  @Override
  public boolean sharesPrefixes() {
    return causal;
  }

  @Override
  public int inputSize() {
    return size;
  }

  @Override
  public int outputSize() {
    return size;
  }

  @Override
  public double cost(int length) {
    // Forward and backward: four d x d projections and the feed-forward's two, per row; scores and weighted
    // sums, per pair of rows.
    return length * (24.0 * size * size + 12.0 * size * inner) + 8.0 * length * length * size;
  }

  @Override
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> p = new ArrayList<>();
    p.addAll(attentionNorm().parameters());
    p.addAll(attention().parameters());
    p.addAll(ffnNorm().parameters());
    p.addAll(ffn().parameters());
    return p;
  }

  @Override
  public LayerPass pass(ParameterSet weights, boolean trainable) {
    return new Pass(weights, trainable);
  }

  private final class Pass implements LayerPass {
    private final LayerNormLayer.Pass norm1;
    private final SelfAttention.Pass attn;
    private final LayerNormLayer.Pass norm2;
    private final FeedForward.Pass ffn;
    private final Dropout.Pass attnDrop;
    private final Dropout.Pass ffnDrop;
    private final RowBuffers buffers = new RowBuffers();
    private final RowBuffers lastBuffers = new RowBuffers();
    private FloatTensor[] lastRows;
    private int lastCapacity;
    private final boolean trainable;
    private FloatTensor h;
    private FloatTensor z;
    private FloatTensor out;
    private FloatTensor g1;
    private FloatTensor g2;
    private FloatTensor dIn;
    private FloatTensor in;

    Pass(ParameterSet weights, boolean trainable) {
      this.trainable = trainable;
      norm1 = attentionNorm().pass(weights, trainable);
      attn = attention().pass(weights, trainable);
      norm2 = ffnNorm().pass(weights, trainable);
      ffn = ffn().pass(weights, trainable);
      attnDrop = residualDropout("attention").pass(weights, trainable);
      ffnDrop = residualDropout("ffn").pass(weights, trainable);
    }

    @Override
    public FloatTensor forward(Rows rows, FloatTensor x) {
      ensure(rows.rows());
      in = x;
      switch (layout) {
        case SASREC -> {
          FloatTensor qn = norm1.forward(rows, x);
          attn.forward(rows, qn, x, qn, h);
          FloatTensor fn = norm2.forward(rows, h);
          ffn.forward(rows, fn, z);
          ffnDrop.forward(rows, z, fn, out);
        }
        case PRE_LN -> {
          FloatTensor a = norm1.forward(rows, x);
          attn.forward(rows, a, a, null, z);
          attnDrop.forward(rows, z, x, h);
          FloatTensor b = norm2.forward(rows, h);
          ffn.forward(rows, b, z);
          ffnDrop.forward(rows, z, h, out);
        }
        case POST_LN -> {
          attn.forward(rows, x, x, null, z);
          attnDrop.forward(rows, z, x, g1);
          norm1.forward(rows, g1, h);
          ffn.forward(rows, h, z);
          ffnDrop.forward(rows, z, h, g1);
          norm2.forward(rows, g1, out);
        }
        default -> throw new IllegalStateException(layout.toString());
      }
      return out;
    }

    /**
     * Only the last rows past the attention's keys and values: their queries, the attention from them, the
     * norms, the feed-forward and the residuals, on compact buffers of {@code last.rows()} rows.
     */
    @Override
    public void forwardLast(Rows rows, Rows last, FloatTensor x, FloatTensor into, int outputSize) {
      ensure(rows.rows());
      FloatTensor xl = lastBuffer(0, last.rows());
      FloatTensor hl = lastBuffer(1, last.rows());
      FloatTensor zl = lastBuffer(2, last.rows());
      switch (layout) {
        case SASREC -> {
          // Keys and values read the raw rows; only the last rows' queries need the norm.
          RowKernels.gatherRows(x, rows, last, zl, size);
          FloatTensor qn = norm1.forward(last, zl);
          attn.forwardLast(rows, last, qn, x, qn, hl);
          FloatTensor fn = norm2.forward(last, hl);
          ffn.forward(last, fn, zl);
          ffnDrop.forward(last, zl, fn, into);
        }
        case PRE_LN -> {
          FloatTensor a = norm1.forward(rows, x);
          RowKernels.gatherRows(a, rows, last, xl, size);
          attn.forwardLast(rows, last, xl, a, null, zl);
          RowKernels.gatherRows(x, rows, last, xl, size);
          attnDrop.forward(last, zl, xl, hl);
          FloatTensor b = norm2.forward(last, hl);
          ffn.forward(last, b, zl);
          ffnDrop.forward(last, zl, hl, into);
        }
        case POST_LN -> {
          RowKernels.gatherRows(x, rows, last, xl, size);
          attn.forwardLast(rows, last, xl, x, null, zl);
          attnDrop.forward(last, zl, xl, hl);
          norm1.forward(last, hl, xl);
          ffn.forward(last, xl, zl);
          ffnDrop.forward(last, zl, xl, hl);
          norm2.forward(last, hl, into);
        }
        default -> throw new IllegalStateException(layout.toString());
      }
    }

    @Override
    public List<RowAttention> lastRowAttention(Rows rows, int s) {
      return attn.lastRowAttention(rows, s);
    }

    private FloatTensor lastBuffer(int which, int rows) {
      if (lastCapacity < rows) {
        lastBuffers.close();
        lastCapacity = Math.max(rows, lastCapacity + lastCapacity / 2);
        lastRows = new FloatTensor[] {lastBuffers.allocateFlat((long) lastCapacity * size),
            lastBuffers.allocateFlat((long) lastCapacity * size), lastBuffers.allocateFlat((long) lastCapacity * size)};
      }
      return lastRows[which];
    }

    @Override
    public FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
      switch (layout) {
        case SASREC -> {
          ffnDrop.backward(rows, dOut, g1);
          ffn.backward(rows, g1, grads, dOut, true);
          norm2.backward(rows, dOut, grads, g1, false);
          attn.backward(rows, g1, grads, g1, true, dIn, false);
          norm1.backward(rows, g1, grads, dIn, true);
        }
        case PRE_LN -> {
          ffnDrop.backward(rows, dOut, g1);
          ffn.backward(rows, g1, grads, g2, false);
          norm2.backward(rows, g2, grads, dOut, true);
          attnDrop.backward(rows, dOut, g1);
          attn.backward(rows, g1, grads, g2, false, g2, true);
          norm1.backward(rows, g2, grads, dOut, true);
          return dOut;
        }
        case POST_LN -> {
          norm2.backward(rows, dOut, grads, g1, false);
          ffnDrop.backward(rows, g1, g2);
          ffn.backward(rows, g2, grads, g1, true);
          norm1.backward(rows, g1, grads, g2, false);
          attnDrop.backward(rows, g2, g1);
          attn.backward(rows, g1, grads, dIn, false, dIn, true);
          RowKernels.addInto(dIn, g2, rows.rows() * size);
        }
        default -> throw new IllegalStateException(layout.toString());
      }
      return dIn;
    }

    private void ensure(int rows) {
      if (!buffers.fits(rows)) {
        h = buffers.allocate(size);
        z = buffers.allocate(size);
        out = buffers.allocate(size);
        g1 = buffers.allocate(size);
        if (trainable) {
          g2 = buffers.allocate(size);
          dIn = buffers.allocate(size);
        }
      }
    }

    @Override
    public void close() {
      norm1.close();
      attn.close();
      norm2.close();
      ffn.close();
      attnDrop.close();
      ffnDrop.close();
      buffers.close();
      lastBuffers.close();
    }
  }
}
