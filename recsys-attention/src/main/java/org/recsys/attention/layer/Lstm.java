package org.recsys.attention.layer;

import java.util.List;
import org.recsys.attention.nn.DropoutRandom;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.nn.WeightInit;

/**
 * One LSTM layer over each sequence, from a zero state: gates {@code [i, f, g, o] = x Wx + h_{t-1} Wh + b}
 * ({@code i, f, o} sigmoid, {@code g} tanh), {@code c_t = f * c_{t-1} + i * g}, {@code h_t = o * tanh(c_t)}; the
 * output is {@code h_t}. Parameters {@code <name>.wx [in, 4h]}, {@code <name>.wh [h, 4h]}, {@code <name>.b [4h]}
 * (gates in that order), uniform in {@code +-1/sqrt(h)} as PyTorch starts them, with the forget gate's bias
 * raised by 1 so that the cell remembers from the start. A stack is several of these; dropout on the input is
 * what a stacked LSTM applies between layers. An empty history runs no step: its output is the zero initial
 * state.
 *
 * <p>Runs as a {@link RecurrentPass} (time-major, one GEMM per step) of an {@link LstmCell}.
 *
 * @param inputDropout drop rate of the input in training
 */
public record Lstm(String name, int inputSize, int hiddenSize, double inputDropout) implements Layer {
  public Lstm {
    if (inputSize < 1 || hiddenSize < 1) {
      throw new IllegalArgumentException(name + ": sizes must be positive, got " + inputSize + " and " + hiddenSize);
    }
    DropoutRandom.threshold(inputDropout);
  }

  @Override
  public int outputSize() {
    return hiddenSize;
  }

  @Override
  public double cost(int length) {
    return 24.0 * length * hiddenSize * (inputSize + hiddenSize);
  }

  @Override
  public List<ParameterSpec> parameters() {
    int h = hiddenSize;
    double bound = 1 / Math.sqrt(h);
    Initializer bias = (t, random) -> {
      WeightInit.uniform(t, (float) bound, random);
      for (int j = h; j < 2 * h; j++) {
        t.set(j, t.get(j) + 1f);
      }
    };
    return List.of(ParameterSpec.of(name + ".wx", Initializer.uniform(bound), inputSize, 4L * h),
        ParameterSpec.of(name + ".wh", Initializer.uniform(bound), h, 4L * h),
        ParameterSpec.of(name + ".b", bias, 4L * h));
  }

  @Override
  public LayerPass pass(ParameterSet weights, boolean trainable) {
    return new RecurrentPass(weights, trainable, name, inputSize, hiddenSize, inputDropout, new LstmCell());
  }
}
