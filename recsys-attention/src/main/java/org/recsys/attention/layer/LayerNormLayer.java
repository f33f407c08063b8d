package org.recsys.attention.layer;

import java.util.List;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.LayerNorm;
import org.recsys.attention.nn.ParameterSet;

/**
 * Layer normalisation over each row, as {@code torch.nn.LayerNorm(size, eps)}: parameters {@code <name>.gain}
 * (ones) and {@code <name>.bias} (zeros).
 */
public record LayerNormLayer(String name, int size, float eps) implements Layer {
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
    return List.of(ParameterSpec.of(name + ".gain", Initializer.constant(1f), size),
        ParameterSpec.of(name + ".bias", Initializer.zeros(), size));
  }

  /** A zero row normalises to zero, so the output is the bias. */
  @Override
  public float[] emptyOutput(ParameterSet weights) {
    return weights.value(name + ".bias").toArray();
  }

  @Override
  public Pass pass(ParameterSet weights, boolean trainable) {
    return new Pass(weights, trainable);
  }

  /** A pass that can also write its input gradient into a caller's buffer, adding to it (residual paths). */
  public final class Pass implements LayerPass {
    private final FloatTensor gain;
    private final int gainIndex;
    private final int biasIndex;
    private final FloatTensor bias;
    private final RowBuffers buffers = new RowBuffers();
    private FloatTensor xhat;
    private FloatTensor rstd;
    private FloatTensor out;
    private FloatTensor dIn;
    private final boolean trainable;

    Pass(ParameterSet weights, boolean trainable) {
      this.trainable = trainable;
      gainIndex = weights.indexOf(name + ".gain");
      biasIndex = weights.indexOf(name + ".bias");
      gain = weights.get(gainIndex).value();
      bias = weights.get(biasIndex).value();
    }

    @Override
    public FloatTensor forward(Rows rows, FloatTensor in) {
      return forward(rows, in, null);
    }

    /** Normalises {@code in} into {@code into} (or this pass's own buffer when null). */
    public FloatTensor forward(Rows rows, FloatTensor in, FloatTensor into) {
      ensure(rows.rows());
      FloatTensor y = into == null ? out : into;
      if (trainable) {
        LayerNorm.forward(in, xhat, rstd, y, gain, bias, rows.rows(), size, eps);
      } else {
        LayerNorm.inference(in, y, gain, bias, rows.rows(), size, eps);
      }
      return y;
    }

    @Override
    public FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
      backward(rows, dOut, grads, dIn, false);
      return dIn;
    }

    /** Writes (or with {@code accumulate} adds) the input gradient into {@code into}, which may be {@code dOut}. */
    public void backward(Rows rows, FloatTensor dOut, FloatTensor[] grads, FloatTensor into, boolean accumulate) {
      LayerNorm.backward(dOut, xhat, rstd, gain, grads[gainIndex], grads[biasIndex], into, accumulate, rows.rows(),
          size);
    }

    private void ensure(int rows) {
      if (!buffers.fits(rows)) {
        xhat = buffers.allocate(size);
        rstd = buffers.allocate(1);
        out = buffers.allocate(size);
        dIn = buffers.allocate(size);
      }
    }

    @Override
    public void close() {
      buffers.close();
    }
  }
}
