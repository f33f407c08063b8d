package org.recsys.attention.layer;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import org.recsys.attention.nn.Blas;
import org.recsys.attention.nn.DropoutRandom;
import org.recsys.attention.nn.FastTanh;
import org.recsys.attention.nn.FloatTensor;
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
 * <p>Laid out as {@link Lstm}: time-major ({@link TimeMajor}), each step one GEMM over the sequences still
 * running, element-wise kernels on heap arrays from index 0.
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
    return new Pass(weights, trainable);
  }

  private final class Pass implements LayerPass {
    private final int h = hiddenSize;
    private final int in = inputSize;
    private final int wxIndex;
    private final int whIndex;
    private final int bxIndex;
    private final int bhIndex;
    private final FloatTensor wx;
    private final FloatTensor wh;
    private final FloatTensor bx;
    private final FloatTensor bh;
    private final boolean trainable;
    private final int threshold = DropoutRandom.threshold(inputDropout);
    private final float keepScale = inputDropout > 0 ? (float) (1 / (1 - inputDropout)) : 1f;
    private final TimeMajor order = new TimeMajor();
    private final RowBuffers buffers = new RowBuffers();
    private boolean dropoutOn;
    // Native, time-major unless named otherwise: the input's and the state's gate terms, the states.
    private FloatTensor x;
    private FloatTensor zx;
    private FloatTensor zh;
    private FloatTensor states;
    private FloatTensor out;
    private FloatTensor dh;
    private FloatTensor dzx;
    private FloatTensor dzh;
    private FloatTensor dx;
    private FloatTensor dIn;
    // Heap, time-major, kept from forward to backward: the gates and the n gate's recurrent term.
    private float[] gateR;
    private float[] gateZ;
    private float[] gateN;
    private float[] hiddenN;
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
      bxIndex = weights.indexOf(name + ".bx");
      bhIndex = weights.indexOf(name + ".bh");
      wx = weights.get(wxIndex).value();
      wh = weights.get(whIndex).value();
      bx = weights.get(bxIndex).value();
      bh = weights.get(bhIndex).value();
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
      int g3 = 3 * h;
      RowKernels.fillRows(zx, bx, rows, g3);
      Blas.gemm(false, false, rows, g3, in, 1f, x, 0, in, wx, 0, g3, 1f, zx, 0, g3);
      // The state's terms start as bh: the initial state is zero, so step 0's are bh alone.
      RowKernels.fillRows(zh, bh, rows, g3);
      FloatBuffer xb = zx.buffer();
      FloatBuffer hb = zh.buffer();
      FloatBuffer sb = states.buffer();
      float[] r = s0;
      float[] z = s1;
      float[] nn = s2;
      float[] hr = s3;
      float[] hz = s4;
      float[] hn = s5;
      float[] hp = s6;
      for (int t = 0; t < order.steps(); t++) {
        int a = order.active(t);
        int o = order.stepStart(t);
        int n = a * h;
        if (t > 0) {
          long prev = (long) order.stepStart(t - 1) * h;
          Blas.gemm(false, false, a, g3, h, 1f, states, prev, h, wh, 0, g3, 1f, zh, (long) o * g3, g3);
          sb.get((int) prev, hp, 0, n);
        } else {
          Arrays.fill(hp, 0, n, 0f);
        }
        for (int i = 0; i < a; i++) {
          int zo = (o + i) * g3;
          xb.get(zo, r, i * h, h);
          xb.get(zo + h, z, i * h, h);
          xb.get(zo + 2 * h, nn, i * h, h);
          hb.get(zo, hr, i * h, h);
          hb.get(zo + h, hz, i * h, h);
          hb.get(zo + 2 * h, hn, i * h, h);
        }
        // One short loop per operation, so that C2 vectorises each.
        for (int j = 0; j < n; j++) {
          r[j] += hr[j];
        }
        FastTanh.sigmoidInPlace(r, n);
        for (int j = 0; j < n; j++) {
          z[j] += hz[j];
        }
        FastTanh.sigmoidInPlace(z, n);
        for (int j = 0; j < n; j++) {
          nn[j] += r[j] * hn[j];
        }
        FastTanh.tanhInPlace(nn, n);
        for (int j = 0; j < n; j++) {
          hp[j] = (1f - z[j]) * nn[j] + z[j] * hp[j];
        }
        int so = o * h;
        System.arraycopy(r, 0, gateR, so, n);
        System.arraycopy(z, 0, gateZ, so, n);
        System.arraycopy(nn, 0, gateN, so, n);
        System.arraycopy(hn, 0, hiddenN, so, n);
        sb.put(so, hp, 0, n);
      }
    }

    @Override
    public FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
      int n = rows.rows();
      int g3 = 3 * h;
      order.gather(rows, dOut, dh, h, null, 0, 1f);
      recurrenceBackward(grads);
      RowKernels.addColumnSums(dzh, grads[bhIndex], n, g3);
      Blas.gemm(true, false, in, g3, n, 1f, x, 0, in, dzx, 0, g3, 1f, grads[wxIndex], 0, g3);
      RowKernels.addColumnSums(dzx, grads[bxIndex], n, g3);
      Blas.gemm(false, true, n, in, g3, 1f, dzx, 0, g3, wx, 0, g3, 0f, dx, 0, in);
      order.scatter(n, dx, dIn, in, dropoutOn ? mask : null);
      return dIn;
    }

    /**
     * Back through time: the gate terms' gradients into {@code dzx} (input side) and {@code dzh} (state side,
     * whose n part passes through the reset), the recurrent weight's gradient, and dh of each step.
     */
    private void recurrenceBackward(FloatTensor[] grads) {
      int g3 = 3 * h;
      FloatBuffer dhb = dh.buffer();
      FloatBuffer sb = states.buffer();
      FloatBuffer dxb = dzx.buffer();
      FloatBuffer dhzb = dzh.buffer();
      float[] dhv = s0;
      float[] hp = s1;
      float[] r = s2;
      float[] z = s3;
      float[] nn = s4;
      float[] hn = s5;
      float[] dhn = s6;
      int steps = order.steps();
      for (int t = steps - 1; t >= 0; t--) {
        int a = order.active(t);
        int o = order.stepStart(t);
        int n = a * h;
        int aNext = t + 1 < steps ? order.active(t + 1) : 0;
        int so = o * h;
        dhb.get(so, dhv, 0, n);
        System.arraycopy(gateR, so, r, 0, n);
        System.arraycopy(gateZ, so, z, 0, n);
        System.arraycopy(gateN, so, nn, 0, n);
        System.arraycopy(hiddenN, so, hn, 0, n);
        if (t > 0) {
          sb.get(order.stepStart(t - 1) * h, hp, 0, n);
        } else {
          Arrays.fill(hp, 0, n, 0f);
        }
        // The state gradient carried from step t + 1 (through h' = ... + z * h) exists only for the sequences
        // that ran it.
        Arrays.fill(carry, aNext * h, n, 0f);
        float[] cr = carry;
        for (int j = 0; j < n; j++) {
          float d = dhv[j] + cr[j];
          float z1 = z[j];
          float n1 = nn[j];
          float r1 = r[j];
          float dnp = d * (1f - z1) * (1f - n1 * n1);
          cr[j] = d * z1;
          z[j] = d * (hp[j] - n1) * z1 * (1f - z1);
          nn[j] = dnp;
          dhn[j] = dnp * r1;
          r[j] = dnp * hn[j] * r1 * (1f - r1);
        }
        for (int i = 0; i < a; i++) {
          int zo = (o + i) * g3;
          dxb.put(zo, r, i * h, h);
          dxb.put(zo + h, z, i * h, h);
          dxb.put(zo + 2 * h, nn, i * h, h);
          dhzb.put(zo, r, i * h, h);
          dhzb.put(zo + h, z, i * h, h);
          dhzb.put(zo + 2 * h, dhn, i * h, h);
        }
        if (t > 0) {
          long prev = (long) order.stepStart(t - 1) * h;
          Blas.gemm(false, true, a, h, g3, 1f, dzh, (long) o * g3, g3, wh, 0, g3, 1f, dh, prev, h);
          Blas.gemm(true, false, h, g3, a, 1f, states, prev, h, dzh, (long) o * g3, g3, 1f, grads[whIndex], 0, g3);
        }
      }
    }

    private void ensure(Rows rows) {
      int n = rows.rows();
      order.reset(rows, Math.max(in, h));
      if (!buffers.fits(n)) {
        x = buffers.allocate(in);
        zx = buffers.allocate(3 * h);
        zh = buffers.allocate(3 * h);
        states = buffers.allocate(h);
        out = buffers.allocate(h);
        int cap = buffers.capacity() * h;
        gateR = new float[cap];
        gateZ = new float[cap];
        gateN = new float[cap];
        hiddenN = new float[cap];
        if (trainable) {
          dh = buffers.allocate(h);
          dzx = buffers.allocate(3 * h);
          dzh = buffers.allocate(3 * h);
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
