package org.recsys.attention.layer;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.recsys.attention.nn.DropoutRandom;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;

/**
 * The point-wise feed-forward layer of a transformer block, applied to every row alone:
 * {@code dropout(act(x W1 + b1)) W2 + b2}, with {@code W1 [size, inner]} and {@code W2 [inner, size]}
 * (parameters {@code <name>.w1, .b1, .w2, .b2}).
 *
 * @param dropout drop rate of the hidden units in training
 * @param activation the hidden units' non-linearity
 */
public record FeedForward(String name, int size, int inner, double dropout, Activation activation,
    Initialisation init) implements Layer {
  public FeedForward {
    Objects.requireNonNull(activation, "activation");
    if (size < 1 || inner < 1) {
      throw new IllegalArgumentException(name + ": sizes must be positive, got " + size + " and " + inner);
    }
    DropoutRandom.threshold(dropout);
  }

  /** The first projection {@code <name>.w1 [size, inner], .b1}. */
  public Linear first() {
    return new Linear(name + ".1", name + ".w1", name + ".b1", size, inner, init.square(size),
        init.feedForwardBias(size));
  }

  /** The second projection {@code <name>.w2 [inner, size], .b2}. */
  public Linear second() {
    return new Linear(name + ".2", name + ".w2", name + ".b2", inner, size, init.square(inner),
        init.feedForwardBias(inner));
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
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> p = new ArrayList<>(first().parameters());
    p.addAll(second().parameters());
    return p;
  }

  @Override
  public Pass pass(ParameterSet weights, boolean trainable) {
    return new Pass(weights, trainable);
  }

  /** One thread's feed-forward, whose input gradient can also be added onto a residual's. */
  public final class Pass implements LayerPass {
    private final Linear.Pass w1;
    private final Linear.Pass w2;
    private final boolean trainable;
    private final int threshold = DropoutRandom.threshold(dropout);
    private final float keepScale = dropout > 0 ? (float) (1 / (1 - dropout)) : 1f;
    private final RowBuffers buffers = new RowBuffers();
    private final boolean relu = activation == Activation.RELU;
    private final DropoutSweep sweep = new DropoutSweep();
    private final float[] valueBlock = new float[RowKernels.BLOCK];
    private final float[] activationBlock = new float[RowKernels.BLOCK];
    private final float[] maskBlock = new float[RowKernels.BLOCK];
    private FloatTensor u;
    private FloatTensor pre;
    private FloatTensor mask;
    private FloatTensor out;
    private FloatTensor du;
    private FloatTensor dIn;
    private boolean dropoutOn;

    Pass(ParameterSet weights, boolean trainable) {
      this.trainable = trainable;
      w1 = first().pass(weights, trainable);
      w2 = second().pass(weights, trainable);
    }

    @Override
    public FloatTensor forward(Rows rows, FloatTensor in) {
      forward(rows, in, null);
      return out;
    }

    /** Computes the output into {@code into} (this pass's own buffer when null). */
    public FloatTensor forward(Rows rows, FloatTensor in, FloatTensor into) {
      ensure(rows.rows());
      dropoutOn = rows.training() && trainable && dropout > 0;
      w1.forward(rows, in, u);
      activate(rows);
      FloatTensor y = into == null ? out : into;
      w2.forward(rows, u, y);
      return y;
    }

    // The activation in place on u. A smooth activation's derivative needs the pre-activation, kept in pre when
    // training; ReLU commutes with the positive dropout scale, so its own output is all its backward needs.
    private void activate(Rows rows) {
      FloatBuffer ub = u.buffer();
      FloatBuffer zb = pre == null ? null : pre.buffer();
      if (!dropoutOn) {
        int len = rows.rows() * inner;
        for (int i0 = 0; i0 < len; i0 += RowKernels.BLOCK) {
          int n = Math.min(RowKernels.BLOCK, len - i0);
          ub.get(i0, valueBlock, 0, n);
          if (zb != null) {
            zb.put(i0, valueBlock, 0, n);
          }
          activation.applyInPlace(valueBlock, n);
          ub.put(i0, valueBlock, 0, n);
        }
        return;
      }
      sweep.run(rows, inner, threshold, keepScale, u, mask, (i0, values, mk, n) -> {
        if (zb != null) {
          zb.put(i0, values, 0, n);
        }
        activation.applyInPlace(values, n);
        for (int i = 0; i < n; i++) {
          values[i] *= mk[i];
        }
        ub.put(i0, values, 0, n);
      });
    }

    @Override
    public FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
      backward(rows, dOut, grads, dIn, false);
      return dIn;
    }

    /** Writes (or with {@code accumulate} adds) the input gradient into {@code into}. */
    public void backward(Rows rows, FloatTensor dOut, FloatTensor[] grads, FloatTensor into, boolean accumulate) {
      w2.backwardWeights(rows, dOut, grads);
      w2.backwardInput(rows, dOut, du, false);
      FloatBuffer g = du.buffer();
      FloatBuffer ub = relu ? u.buffer() : pre.buffer();
      FloatBuffer m = dropoutOn ? mask.buffer() : null;
      int len = rows.rows() * inner;
      for (int i0 = 0; i0 < len; i0 += RowKernels.BLOCK) {
        int n = Math.min(RowKernels.BLOCK, len - i0);
        g.get(i0, valueBlock, 0, n);
        ub.get(i0, activationBlock, 0, n);
        if (m != null) {
          m.get(i0, maskBlock, 0, n);
        }
        // One short loop per operation, each vectorised (a choice inside the loop kept it scalar).
        if (relu) {
          for (int i = 0; i < n; i++) {
            valueBlock[i] = activationBlock[i] > 0f ? valueBlock[i] : 0f;
          }
        } else {
          activation.derivativeInPlace(activationBlock, n);
          for (int i = 0; i < n; i++) {
            valueBlock[i] *= activationBlock[i];
          }
        }
        if (m != null) {
          for (int i = 0; i < n; i++) {
            valueBlock[i] *= maskBlock[i];
          }
        }
        g.put(i0, valueBlock, 0, n);
      }
      w1.backwardWeights(rows, du, grads);
      w1.backwardInput(rows, du, into, accumulate);
    }

    private void ensure(int rows) {
      if (!buffers.fits(rows)) {
        u = buffers.allocate(inner);
        out = buffers.allocate(size);
        if (trainable) {
          du = buffers.allocate(inner);
          dIn = buffers.allocate(size);
          if (!relu) {
            pre = buffers.allocate(inner);
          }
          if (dropout > 0) {
            mask = buffers.allocate(inner);
          }
        }
      }
    }

    @Override
    public void close() {
      w1.close();
      w2.close();
      buffers.close();
    }
  }
}
