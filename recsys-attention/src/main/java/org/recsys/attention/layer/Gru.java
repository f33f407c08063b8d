package org.recsys.attention.layer;

import java.util.List;
import org.recsys.attention.nn.DropoutRandom;
import org.recsys.attention.nn.ParameterSet;

/**
 * One GRU layer over each sequence, from a zero state, in PyTorch's formulation (so that its weights carry over):
 * {@code r = sigmoid(x Wx_r + bx_r + h Wh_r + bh_r)}, {@code z = sigmoid(x Wx_z + bx_z + h Wh_z + bh_z)},
 * {@code n = tanh(x Wx_n + bx_n + r * (h Wh_n + bh_n))}, {@code h' = (1 - z) * n + z * h}; the output is
 * {@code h'}. Parameters {@code <name>.wx [in, 3h]}, {@code <name>.wh [h, 3h]}, {@code <name>.bx [3h]},
 * {@code <name>.bh [3h]} (gates in the order r, z, n; the two biases differ only in the n gate, where the
 * recurrent one sits inside the reset), all uniform in {@code +-1/sqrt(h)} as PyTorch starts them. GRU4Rec is
 * an embedding, this layer and a dot head. An empty history runs no step: its output is the zero initial state.
 *
 * <p>Runs as a {@link RecurrentPass} of a {@link GruCell}, as {@link Lstm} does of its own cell.
 *
 * @param inputDropout drop rate of the input in training
 */
public record Gru(String name, int inputSize, int hiddenSize, double inputDropout) implements Layer {
  public Gru {
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
    return 18.0 * length * hiddenSize * (inputSize + hiddenSize);
  }

  @Override
  public List<ParameterSpec> parameters() {
    int h = hiddenSize;
    Initializer init = Initializer.uniform(1 / Math.sqrt(h));
    return List.of(ParameterSpec.of(name + ".wx", init, inputSize, 3L * h),
        ParameterSpec.of(name + ".wh", init, h, 3L * h),
        ParameterSpec.of(name + ".bx", init, 3L * h),
        ParameterSpec.of(name + ".bh", init, 3L * h));
  }

  @Override
  public LayerPass pass(ParameterSet weights, boolean trainable) {
    return new RecurrentPass(weights, trainable, name, inputSize, hiddenSize, inputDropout, new GruCell());
  }
}
