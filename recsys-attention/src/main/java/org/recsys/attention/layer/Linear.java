package org.recsys.attention.layer;

import java.util.List;
import org.recsys.attention.nn.Blas;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;

/**
 * {@code y = x W + b} with a weight {@code [in, out]} and a bias {@code [out]}.
 *
 * @param weightName the weight's parameter name
 * @param biasName the bias's parameter name
 * @param weightInit how the weight starts
 * @param biasInit how the bias starts
 */
public record Linear(String name, String weightName, String biasName, int inputSize, int outputSize,
    Initializer weightInit, Initializer biasInit) implements Layer {
  /** A linear layer with parameters {@code <name>.w} and {@code <name>.b}. */
  public static Linear of(String name, int in, int out, Initializer weightInit, Initializer biasInit) {
    return new Linear(name, name + ".w", name + ".b", in, out, weightInit, biasInit);
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.of(weightName(), weightInit, inputSize, outputSize),
        ParameterSpec.of(biasName(), biasInit, outputSize));
  }

  @Override
  public float[] emptyOutput(ParameterSet weights) {
    return weights.value(biasName).toArray();
  }

  @Override
  public Pass pass(ParameterSet weights, boolean trainable) {
    return new Pass(weights);
  }

  /** A pass whose products can also write into, or add onto, a caller's buffers. */
  public final class Pass implements LayerPass {
    private final int wIndex;
    private final int bIndex;
    private final FloatTensor w;
    private final FloatTensor b;
    private final RowBuffers buffers = new RowBuffers();
    private FloatTensor in;
    private FloatTensor out;
    private FloatTensor dIn;

    Pass(ParameterSet weights) {
      wIndex = weights.indexOf(weightName());
      bIndex = weights.indexOf(biasName());
      w = weights.get(wIndex).value();
      b = weights.get(bIndex).value();
    }

    @Override
    public FloatTensor forward(Rows rows, FloatTensor input) {
      ensure(rows.rows());
      forward(rows, input, out);
      return out;
    }

    /** {@code into = input W + b}. */
    public void forward(Rows rows, FloatTensor input, FloatTensor into) {
      in = input;
      RowKernels.fillRows(into, b, rows.rows(), outputSize);
      Blas.gemm(false, false, rows.rows(), outputSize, inputSize, 1f, input, 0, inputSize, w, 0, outputSize, 1f, into,
          0, outputSize);
    }

    /** {@code into = residual + b + input W}: the product added onto a residual, in that order. */
    public void forwardOnto(Rows rows, FloatTensor input, FloatTensor residual, FloatTensor into) {
      in = input;
      RowKernels.addRowsBias(into, residual, b, rows.rows(), outputSize);
      Blas.gemm(false, false, rows.rows(), outputSize, inputSize, 1f, input, 0, inputSize, w, 0, outputSize, 1f, into,
          0, outputSize);
    }

    @Override
    public FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
      ensure(rows.rows());
      backward(rows, dOut, grads, dIn, false);
      return dIn;
    }

    /** Adds the weight gradients and writes (or adds) {@code dOut W^T} into {@code into}. */
    public void backward(Rows rows, FloatTensor dOut, FloatTensor[] grads, FloatTensor into, boolean accumulate) {
      backwardWeights(rows, dOut, grads);
      backwardInput(rows, dOut, into, accumulate);
    }

    /** Adds {@code in^T dOut} to the weight's gradient and the column sums of {@code dOut} to the bias's. */
    public void backwardWeights(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
      int n = rows.rows();
      Blas.gemm(true, false, inputSize, outputSize, n, 1f, in, 0, inputSize, dOut, 0, outputSize, 1f, grads[wIndex],
          0, outputSize);
      RowKernels.addColumnSums(dOut, grads[bIndex], n, outputSize);
    }

    /** Writes (or adds) {@code dOut W^T} into {@code into}. */
    public void backwardInput(Rows rows, FloatTensor dOut, FloatTensor into, boolean accumulate) {
      Blas.gemm(false, true, rows.rows(), inputSize, outputSize, 1f, dOut, 0, outputSize, w, 0, outputSize,
          accumulate ? 1f : 0f, into, 0, inputSize);
    }

    private void ensure(int rows) {
      if (!buffers.fits(rows)) {
        out = buffers.allocate(outputSize);
        dIn = buffers.allocate(inputSize);
      }
    }

    @Override
    public void close() {
      buffers.close();
    }
  }
}
