package org.recsys.attention.plugin;

import java.nio.FloatBuffer;
import java.util.List;
import org.recsys.attention.layer.Initializer;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.layer.LayerPass;
import org.recsys.attention.layer.ParameterSpec;
import org.recsys.attention.layer.Rows;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.spec.BlockContext;
import org.recsys.attention.spec.BlockType;

/**
 * A block written as a third party would: {@code y = x * gain} with a learned per-unit gain, registered as
 * {@code test-scale} by {@link PluginModule} and found through ServiceLoader, with no change to recsys.
 */
public final class ScaleBlockType implements BlockType<ScaleBlockType.Params> {
  /** @param initialGain where every gain starts */
  public record Params(Double initialGain) {
    public Params {
      initialGain = initialGain == null ? 1.0 : initialGain;
    }
  }

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public Layer create(Params p, BlockContext c) {
    return new Scale(c.name(), c.inputSize(), p.initialGain().floatValue());
  }

  record Scale(String name, int size, float initialGain) implements Layer {
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
      return List.of(ParameterSpec.of(name + ".gain", Initializer.constant(initialGain), size));
    }

    @Override
    public LayerPass pass(ParameterSet weights, boolean trainable) {
      int index = weights.indexOf(name + ".gain");
      FloatTensor gain = weights.get(index).value();
      return new LayerPass() {
        private FloatTensor in;
        private FloatTensor out;
        private FloatTensor dIn;
        private int capacity;

        @Override
        public FloatTensor forward(Rows rows, FloatTensor x) {
          if (rows.rows() > capacity) {
            close();
            capacity = rows.rows();
            out = FloatTensor.zeros((long) capacity * size);
            dIn = FloatTensor.zeros((long) capacity * size);
          }
          in = x;
          FloatBuffer xb = x.buffer();
          FloatBuffer ob = out.buffer();
          for (int i = 0; i < rows.rows() * size; i++) {
            ob.put(i, xb.get(i) * gain.get(i % size));
          }
          return out;
        }

        @Override
        public FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
          FloatTensor dGain = grads[index];
          for (int i = 0; i < rows.rows() * size; i++) {
            float g = dOut.get(i);
            dGain.set(i % size, dGain.get(i % size) + g * in.get(i));
            dIn.set(i, g * gain.get(i % size));
          }
          return dIn;
        }

        @Override
        public void close() {
          if (out != null) {
            out.close();
            dIn.close();
          }
        }
      };
    }
  }
}
