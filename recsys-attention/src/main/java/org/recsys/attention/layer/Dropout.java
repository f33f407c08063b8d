package org.recsys.attention.layer;

import java.nio.FloatBuffer;
import java.util.List;
import org.recsys.attention.nn.DropoutRandom;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;

/**
 * Inverted dropout: in training each unit is kept with probability {@code 1 - rate} and scaled by
 * {@code 1 / (1 - rate)}, drawn from its sequence's stream; at inference the identity. No parameters.
 */
public record Dropout(String name, int size, double rate) implements Layer {
  public Dropout {
    DropoutRandom.threshold(rate);
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
    return List.of();
  }

  @Override
  public Pass pass(ParameterSet weights, boolean trainable) {
    return new Pass(trainable);
  }

  /** One thread's dropout; it can also apply in place and add a residual in the same sweep. */
  public final class Pass implements LayerPass {
    private final boolean trainable;
    private final int threshold = DropoutRandom.threshold(rate);
    private final float keepScale = rate > 0 ? (float) (1 / (1 - rate)) : 1f;
    private final RowBuffers buffers = new RowBuffers();
    private final DropoutSweep sweep = new DropoutSweep();
    private final float[] residualBlock = new float[RowKernels.BLOCK];
    private FloatTensor mask;
    private FloatTensor out;
    private boolean on;

    Pass(boolean trainable) {
      this.trainable = trainable;
    }

    @Override
    public FloatTensor forward(Rows rows, FloatTensor in) {
      ensure(rows.rows());
      forward(rows, in, null, out);
      return out;
    }

    /** {@code into = residual + dropout(in)} ({@code residual} may be null; {@code into} may be {@code in}). */
    public void forward(Rows rows, FloatTensor in, FloatTensor residual, FloatTensor into) {
      ensure(rows.rows());
      on = rows.training() && trainable && rate > 0;
      FloatBuffer x = in.buffer();
      FloatBuffer o = into.buffer();
      FloatBuffer res = residual == null ? null : residual.buffer();
      if (!on) {
        int len = rows.rows() * size;
        if (res != null) {
          RowKernels.add(residual, in, into, len);
        } else if (into != in) {
          into.buffer().put(0, readAll(in, len), 0, len);
        }
        return;
      }
      sweep.run(rows, size, threshold, keepScale, in, mask, (i0, values, mk, n) -> {
        if (res == null) {
          for (int i = 0; i < n; i++) {
            values[i] *= mk[i];
          }
        } else {
          res.get(i0, residualBlock, 0, n);
          for (int i = 0; i < n; i++) {
            values[i] = residualBlock[i] + values[i] * mk[i];
          }
        }
        o.put(i0, values, 0, n);
      });
    }

    @Override
    public FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
      backward(rows, dOut, dOut);
      return dOut;
    }

    /** {@code into = dOut * mask} ({@code into} may be {@code dOut}). */
    public void backward(Rows rows, FloatTensor dOut, FloatTensor into) {
      int len = rows.rows() * size;
      if (on) {
        RowKernels.multiply(dOut, mask, into, len);
      } else if (into != dOut) {
        into.buffer().put(0, readAll(dOut, len), 0, len);
      }
    }

    private float[] readAll(FloatTensor t, int len) {
      float[] a = new float[len];
      t.buffer().get(0, a, 0, len);
      return a;
    }

    private void ensure(int rows) {
      if (!buffers.fits(rows)) {
        out = buffers.allocate(size);
        if (trainable && rate > 0) {
          mask = buffers.allocate(size);
        }
      }
    }

    @Override
    public void close() {
      buffers.close();
    }
  }
}
