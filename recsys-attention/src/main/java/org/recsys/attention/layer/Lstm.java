package org.recsys.attention.layer;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import org.recsys.attention.nn.Blas;
import org.recsys.attention.nn.DropoutRandom;
import org.recsys.attention.nn.FastTanh;
import org.recsys.attention.nn.FloatTensor;
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
 * <p>The recurrence runs time-major ({@link TimeMajor}), so each step is one GEMM over the sequences still
 * running. The element-wise kernels run on heap arrays that all start at index 0, because JDK 17's C2 only
 * vectorises loops whose arrays share one offset (0.5 against 3.5 ns per element for the tanh kernel).
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
    return new Pass(weights, trainable);
  }

  private final class Pass implements LayerPass {
    private final int h = hiddenSize;
    private final int in = inputSize;
    private final int wxIndex;
    private final int whIndex;
    private final int bIndex;
    private final FloatTensor wx;
    private final FloatTensor wh;
    private final FloatTensor b;
    private final boolean trainable;
    private final int threshold = DropoutRandom.threshold(inputDropout);
    private final float keepScale = inputDropout > 0 ? (float) (1 / (1 - inputDropout)) : 1f;
    private final TimeMajor order = new TimeMajor();
    private final RowBuffers buffers = new RowBuffers();
    private boolean dropoutOn;
    // Native, time-major unless named otherwise.
    private FloatTensor x;
    private FloatTensor z;
    private FloatTensor states;
    private FloatTensor out;
    private FloatTensor dh;
    private FloatTensor dz;
    private FloatTensor dx;
    private FloatTensor dIn;
    // Heap, time-major, kept from forward to backward.
    private float[] gateI;
    private float[] gateF;
    private float[] gateG;
    private float[] gateO;
    private float[] cell;
    private float[] cellTanh;
    private float[] mask;
    // Heap scratch of one step, indexed from 0.
    private float[] s0 = new float[0];
    private float[] s1;
    private float[] s2;
    private float[] s3;
    private float[] s4;
    private float[] s5;
    private float[] s6;
    private float[] carry;

    Pass(ParameterSet weights, boolean trainable) {
      this.trainable = trainable;
      wxIndex = weights.indexOf(name + ".wx");
      whIndex = weights.indexOf(name + ".wh");
      bIndex = weights.indexOf(name + ".b");
      wx = weights.get(wxIndex).value();
      wh = weights.get(whIndex).value();
      b = weights.get(bIndex).value();
    }

    @Override
    public FloatTensor forward(Rows rows, FloatTensor input) {
      int n = rows.rows();
      ensure(rows);
      dropoutOn = rows.training() && trainable && inputDropout > 0;
      order.gather(rows, input, x, in, dropoutOn ? mask : null, threshold, keepScale);
      recurrence(n);
      order.scatter(n, states, out, h, null);
      return out;
    }

    private void recurrence(int rows) {
      int g4 = 4 * h;
      RowKernels.fillRows(z, b, rows, g4);
      Blas.gemm(false, false, rows, g4, in, 1f, x, 0, in, wx, 0, g4, 1f, z, 0, g4);
      FloatBuffer zb = z.buffer();
      FloatBuffer hb = states.buffer();
      for (int t = 0; t < order.steps(); t++) {
        int a = order.active(t);
        int o = order.stepStart(t);
        if (t > 0) {
          Blas.gemm(false, false, a, g4, h, 1f, states, (long) order.stepStart(t - 1) * h, h, wh, 0, g4, 1f, z,
              (long) o * g4, g4);
        }
        for (int i = 0; i < a; i++) {
          int zo = (o + i) * g4;
          zb.get(zo, s0, i * h, h);
          zb.get(zo + h, s1, i * h, h);
          zb.get(zo + 2 * h, s2, i * h, h);
          zb.get(zo + 3 * h, s3, i * h, h);
        }
        int n = a * h;
        if (t > 0) {
          System.arraycopy(cell, order.stepStart(t - 1) * h, s4, 0, n);
        } else {
          Arrays.fill(s4, 0, n, 0f);
        }
        float[] zi = s0;
        float[] zf = s1;
        float[] zg = s2;
        float[] zo = s3;
        float[] cp = s4;
        float[] tc = s5;
        float[] hh = s6;
        // One short loop per operation: C2 unrolls (and so vectorises) only small loop bodies; the fused loop
        // with five inlined tanh ran scalar and took a quarter of a step.
        FastTanh.sigmoidInPlace(zi, n);
        FastTanh.sigmoidInPlace(zf, n);
        FastTanh.tanhInPlace(zg, n);
        FastTanh.sigmoidInPlace(zo, n);
        for (int j = 0; j < n; j++) {
          cp[j] = zf[j] * cp[j] + zi[j] * zg[j];
        }
        for (int j = 0; j < n; j++) {
          tc[j] = FastTanh.tanh(cp[j]);
        }
        for (int j = 0; j < n; j++) {
          hh[j] = zo[j] * tc[j];
        }
        int so = o * h;
        System.arraycopy(zi, 0, gateI, so, n);
        System.arraycopy(zf, 0, gateF, so, n);
        System.arraycopy(zg, 0, gateG, so, n);
        System.arraycopy(zo, 0, gateO, so, n);
        System.arraycopy(cp, 0, cell, so, n);
        System.arraycopy(tc, 0, cellTanh, so, n);
        hb.put(so, hh, 0, n);
      }
    }

    @Override
    public FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
      int n = rows.rows();
      order.gather(rows, dOut, dh, h, null, 0, 1f);
      recurrenceBackward(grads);
      int g4 = 4 * h;
      Blas.gemm(true, false, in, g4, n, 1f, x, 0, in, dz, 0, g4, 1f, grads[wxIndex], 0, g4);
      RowKernels.addColumnSums(dz, grads[bIndex], n, g4);
      Blas.gemm(false, true, n, in, g4, 1f, dz, 0, g4, wx, 0, g4, 0f, dx, 0, in);
      order.scatter(n, dx, dIn, in, dropoutOn ? mask : null);
      return dIn;
    }

    /** Back through time: the gates' gradients into {@code dz}, the recurrent weight's gradient, dh of each step. */
    private void recurrenceBackward(FloatTensor[] grads) {
      int g4 = 4 * h;
      FloatBuffer dhb = dh.buffer();
      FloatBuffer dzb = dz.buffer();
      float[] dhv = s6;
      float[] cp = s4;
      float[] ig = s0;
      float[] fg = s1;
      float[] cg = s2;
      float[] og = s3;
      float[] tc = s5;
      int steps = order.steps();
      for (int t = steps - 1; t >= 0; t--) {
        int a = order.active(t);
        int o = order.stepStart(t);
        int n = a * h;
        int aNext = t + 1 < steps ? order.active(t + 1) : 0;
        int so = o * h;
        dhb.get(so, dhv, 0, n);
        System.arraycopy(gateI, so, ig, 0, n);
        System.arraycopy(gateF, so, fg, 0, n);
        System.arraycopy(gateG, so, cg, 0, n);
        System.arraycopy(gateO, so, og, 0, n);
        System.arraycopy(cellTanh, so, tc, 0, n);
        if (t > 0) {
          System.arraycopy(cell, order.stepStart(t - 1) * h, cp, 0, n);
        } else {
          Arrays.fill(cp, 0, n, 0f);
        }
        // The cell gradient carried from step t + 1 exists only for the sequences that ran it.
        Arrays.fill(carry, aNext * h, n, 0f);
        float[] cr = carry;
        for (int j = 0; j < n; j++) {
          float o1 = og[j];
          float th = tc[j];
          float i1 = ig[j];
          float f1 = fg[j];
          float g1 = cg[j];
          float dho = dhv[j];
          float dc = dho * o1 * (1f - th * th) + cr[j];
          og[j] = dho * th * o1 * (1f - o1);
          ig[j] = dc * g1 * i1 * (1f - i1);
          cg[j] = dc * i1 * (1f - g1 * g1);
          fg[j] = dc * cp[j] * f1 * (1f - f1);
          cr[j] = dc * f1;
        }
        for (int i = 0; i < a; i++) {
          int zo = (o + i) * g4;
          dzb.put(zo, ig, i * h, h);
          dzb.put(zo + h, fg, i * h, h);
          dzb.put(zo + 2 * h, cg, i * h, h);
          dzb.put(zo + 3 * h, og, i * h, h);
        }
        if (t > 0) {
          long prev = (long) order.stepStart(t - 1) * h;
          Blas.gemm(false, true, a, h, g4, 1f, dz, (long) o * g4, g4, wh, 0, g4, 1f, dh, prev, h);
          Blas.gemm(true, false, h, g4, a, 1f, states, prev, h, dz, (long) o * g4, g4, 1f, grads[whIndex], 0, g4);
        }
      }
    }

    private void ensure(Rows rows) {
      int n = rows.rows();
      order.reset(rows, Math.max(in, h));
      if (!buffers.fits(n)) {
        x = buffers.allocate(in);
        z = buffers.allocate(4 * h);
        states = buffers.allocate(h);
        out = buffers.allocate(h);
        int cap = buffers.capacity() * h;
        gateI = new float[cap];
        gateF = new float[cap];
        gateG = new float[cap];
        gateO = new float[cap];
        cell = new float[cap];
        cellTanh = new float[cap];
        if (trainable) {
          dh = buffers.allocate(h);
          dz = buffers.allocate(4 * h);
          dx = buffers.allocate(in);
          dIn = buffers.allocate(in);
          if (inputDropout > 0) {
            mask = new float[buffers.capacity() * in];
          }
        }
      }
      int block = order.widest() * h;
      if (s0.length < block) {
        s0 = new float[block];
        s1 = new float[block];
        s2 = new float[block];
        s3 = new float[block];
        s4 = new float[block];
        s5 = new float[block];
        s6 = new float[block];
        carry = new float[block];
      }
    }

    @Override
    public void close() {
      buffers.close();
    }
  }
}
