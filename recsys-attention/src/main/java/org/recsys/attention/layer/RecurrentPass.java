package org.recsys.attention.layer;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.recsys.attention.nn.Blas;
import org.recsys.attention.nn.DropoutRandom;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;

/**
 * A recurrent layer's pass, whatever its cell: each sequence from a zero state, time-major ({@link TimeMajor}) so
 * that each step is one GEMM over the sequences still running, the input's gate terms for every row in one GEMM
 * before the first step, dropout on the input. The {@link RecurrentCell} does each step's element-wise work on
 * heap arrays that all start at index 0, because JDK 17's C2 only vectorises loops whose arrays share one offset
 * (0.5 against 3.5 ns per element for the tanh kernel).
 *
 * <p>Parameters {@code <name>.wx [in, G h]} and {@code <name>.wh [h, G h]} ({@code G} the cell's gates); the bias
 * is {@code <name>.b [G h]}, or {@code <name>.bx} and {@code <name>.bh} when the cell keeps the state's terms apart.
 */
final class RecurrentPass implements LayerPass {
  private final RecurrentCell cell;
  private final int h;
  private final int in;
  private final int width;
  private final boolean separate;
  private final int wxIndex;
  private final int whIndex;
  private final int bxIndex;
  private final int bhIndex;
  private final FloatTensor wx;
  private final FloatTensor wh;
  private final FloatTensor bx;
  private final FloatTensor bh;
  private final boolean trainable;
  private final double inputDropout;
  private final int threshold;
  private final float keepScale;
  private final TimeMajor order = new TimeMajor();
  private final RowBuffers buffers = new RowBuffers();
  private boolean dropoutOn;
  // Native, time-major unless named otherwise: the input's gate terms, the state's (the input's own buffer unless
  // the cell keeps them apart), the states, and their gradients.
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
  private float[] mask;
  // Heap scratch of one step, indexed from 0: the gate terms (and in backward their gradients) per gate.
  private final float[][] inputTerms;
  private final float[][] stateTerms;
  private float[] previous = new float[0];
  private float[] step;

  RecurrentPass(ParameterSet weights, boolean trainable, String name, int inputSize, int hiddenSize,
      double inputDropout, RecurrentCell cell) {
    this.cell = cell;
    this.trainable = trainable;
    this.inputDropout = inputDropout;
    h = hiddenSize;
    in = inputSize;
    width = cell.gates() * h;
    separate = cell.separateStateTerms();
    threshold = DropoutRandom.threshold(inputDropout);
    keepScale = inputDropout > 0 ? (float) (1 / (1 - inputDropout)) : 1f;
    wxIndex = weights.indexOf(name + ".wx");
    whIndex = weights.indexOf(name + ".wh");
    bxIndex = weights.indexOf(name + (separate ? ".bx" : ".b"));
    bhIndex = separate ? weights.indexOf(name + ".bh") : -1;
    wx = weights.get(wxIndex).value();
    wh = weights.get(whIndex).value();
    bx = weights.get(bxIndex).value();
    bh = separate ? weights.get(bhIndex).value() : null;
    inputTerms = new float[cell.gates()][0];
    stateTerms = separate ? new float[cell.gates()][0] : null;
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
    int gates = cell.gates();
    RowKernels.fillRows(zx, bx, rows, width);
    Blas.gemm(false, false, rows, width, in, 1f, x, 0, in, wx, 0, width, 1f, zx, 0, width);
    if (separate) {
      // The state's terms start as bh: the initial state is zero, so the first step's are bh alone.
      RowKernels.fillRows(zh, bh, rows, width);
    }
    FloatBuffer xb = zx.buffer();
    FloatBuffer hb = zh.buffer();
    FloatBuffer sb = states.buffer();
    for (int t = 0; t < order.steps(); t++) {
      int a = order.active(t);
      int o = order.stepStart(t);
      int n = a * h;
      int previousSo = t > 0 ? order.stepStart(t - 1) * h : -1;
      if (t > 0) {
        Blas.gemm(false, false, a, width, h, 1f, states, previousSo, h, wh, 0, width, 1f, zh, (long) o * width,
            width);
        sb.get(previousSo, previous, 0, n);
      } else {
        Arrays.fill(previous, 0, n, 0f);
      }
      for (int i = 0; i < a; i++) {
        int zo = (o + i) * width;
        for (int g = 0; g < gates; g++) {
          xb.get(zo + g * h, inputTerms[g], i * h, h);
          if (separate) {
            hb.get(zo + g * h, stateTerms[g], i * h, h);
          }
        }
      }
      int so = o * h;
      cell.forward(so, previousSo, n, inputTerms, stateTerms, previous, step);
      sb.put(so, step, 0, n);
    }
  }

  @Override
  public FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
    int n = rows.rows();
    order.gather(rows, dOut, dh, h, null, 0, 1f);
    recurrenceBackward(grads);
    if (separate) {
      RowKernels.addColumnSums(dzh, grads[bhIndex], n, width);
    }
    Blas.gemm(true, false, in, width, n, 1f, x, 0, in, dzx, 0, width, 1f, grads[wxIndex], 0, width);
    RowKernels.addColumnSums(dzx, grads[bxIndex], n, width);
    Blas.gemm(false, true, n, in, width, 1f, dzx, 0, width, wx, 0, width, 0f, dx, 0, in);
    order.scatter(n, dx, dIn, in, dropoutOn ? mask : null);
    return dIn;
  }

  /**
   * Back through time: the gate terms' gradients into {@code dzx} (and {@code dzh}), the recurrent weight's
   * gradient, and the gradient of each step's states, which the next step back reads.
   */
  private void recurrenceBackward(FloatTensor[] grads) {
    int gates = cell.gates();
    FloatBuffer dhb = dh.buffer();
    FloatBuffer sb = states.buffer();
    FloatBuffer dxb = dzx.buffer();
    FloatBuffer dhzb = dzh.buffer();
    int steps = order.steps();
    for (int t = steps - 1; t >= 0; t--) {
      int a = order.active(t);
      int o = order.stepStart(t);
      int n = a * h;
      int carried = (t + 1 < steps ? order.active(t + 1) : 0) * h;
      int so = o * h;
      int previousSo = t > 0 ? order.stepStart(t - 1) * h : -1;
      dhb.get(so, step, 0, n);
      if (t > 0) {
        sb.get(previousSo, previous, 0, n);
      } else {
        Arrays.fill(previous, 0, n, 0f);
      }
      cell.backward(so, previousSo, n, carried, step, previous, inputTerms, stateTerms);
      for (int i = 0; i < a; i++) {
        int zo = (o + i) * width;
        for (int g = 0; g < gates; g++) {
          dxb.put(zo + g * h, inputTerms[g], i * h, h);
          if (separate) {
            dhzb.put(zo + g * h, stateTerms[g], i * h, h);
          }
        }
      }
      if (t > 0) {
        Blas.gemm(false, true, a, h, width, 1f, dzh, (long) o * width, width, wh, 0, width, 1f, dh, previousSo, h);
        Blas.gemm(true, false, h, width, a, 1f, states, previousSo, h, dzh, (long) o * width, width, 1f,
            grads[whIndex], 0, width);
      }
    }
  }

  private void ensure(Rows rows) {
    int n = rows.rows();
    order.reset(rows, Math.max(in, h));
    if (!buffers.fits(n)) {
      x = buffers.allocate(in);
      zx = buffers.allocate(width);
      zh = separate ? buffers.allocate(width) : zx;
      states = buffers.allocate(h);
      out = buffers.allocate(h);
      if (trainable) {
        dh = buffers.allocate(h);
        dzx = buffers.allocate(width);
        dzh = separate ? buffers.allocate(width) : dzx;
        dx = buffers.allocate(in);
        dIn = buffers.allocate(in);
        if (inputDropout > 0) {
          mask = new float[buffers.capacity() * in];
        }
      }
    }
    int block = order.widest() * h;
    if (previous.length < block) {
      previous = new float[block];
      step = new float[block];
      for (int g = 0; g < inputTerms.length; g++) {
        inputTerms[g] = new float[block];
        if (separate) {
          stateTerms[g] = new float[block];
        }
      }
    }
    cell.reserve(buffers.capacity() * h, block);
  }

  @Override
  public void close() {
    buffers.close();
  }
}
