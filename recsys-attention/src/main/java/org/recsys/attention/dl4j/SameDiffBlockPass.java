package org.recsys.attention.dl4j;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recsys.attention.layer.LayerPass;
import org.recsys.attention.layer.Rows;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;

/**
 * A {@link SameDiffBlock} at inference inside a native encoder: the packed rows are laid out as the graph's padded
 * windows (each row at its window column), the block's own graph runs forward, and its rows are packed back. The
 * graph's variables share the weights' memory, so it sees the trainer's updates. Not thread-safe.
 */
final class SameDiffBlockPass implements LayerPass {
  private static final String INPUT = "block.input";
  private static final String OUTPUT = "block.output";

  private final SameDiffBlock block;
  private final SameDiff sd;
  private final GraphContext context;
  private FloatTensor out;
  private int capacity;

  SameDiffBlockPass(SameDiffBlock block, ParameterSet weights) {
    this.block = block;
    this.sd = SameDiff.create();
    this.context = new GraphContext(sd, weights, block.maxLen());
    context.lossBuilt(); // no gradients here
    SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, block.inputSize());
    sd.identity(OUTPUT, block.graph().forward(context, x));
  }

  @Override
  public FloatTensor forward(Rows rows, FloatTensor in) {
    int windows = rows.count();
    int len = block.maxLen();
    int d = block.inputSize();
    int o = block.outputSize();
    float[] x = new float[windows * len * d];
    float[] valid = new float[windows * len];
    int[] cells = new int[rows.rows()];
    FloatBuffer ib = in.buffer();
    for (int s = 0; s < windows; s++) {
      for (int r = rows.start(s); r < rows.start(s + 1); r++) {
        int t = rows.windowPosition(r);
        if (t < 0 || t >= len) {
          throw new IllegalStateException("block " + block.name() + ": row at window column " + t
              + " outside windows of " + len);
        }
        cells[r] = s * len + t;
        ib.get(r * d, x, cells[r] * d, d);
        valid[cells[r]] = 1f;
      }
    }
    float[] y = run(windows, x, valid);
    if (rows.rows() > capacity) {
      if (out != null) {
        out.close();
      }
      capacity = Math.max(rows.rows(), capacity + capacity / 2);
      out = FloatTensor.zeros((long) capacity * o);
    }
    FloatBuffer ob = out.buffer();
    for (int r = 0; r < rows.rows(); r++) {
      ob.put(r * o, y, cells[r] * o, o);
    }
    return out;
  }

  /** The output of the last cell of one window whose only valid cell, the last, is an all-zero row. */
  float[] zeroRowOutput() {
    int len = block.maxLen();
    int o = block.outputSize();
    float[] valid = new float[len];
    valid[len - 1] = 1f;
    float[] y = run(1, new float[len * block.inputSize()], valid);
    float[] last = new float[o];
    System.arraycopy(y, (len - 1) * o, last, 0, o);
    return last;
  }

  private float[] run(int windows, float[] x, float[] valid) {
    int len = block.maxLen();
    Map<String, INDArray> feed = new LinkedHashMap<>();
    feed.put(INPUT, Nd4j.create(x, new long[] {(long) windows * len, block.inputSize()}, 'c'));
    feed.put(GraphContext.VALID, Nd4j.create(valid, new long[] {windows, len}, 'c'));
    for (DropoutMask m : context.masks()) {
      feed.put(m.placeholder(), m.draw(windows, len, false, 0L));
    }
    Map<String, INDArray> result = sd.output(feed, OUTPUT);
    INDArray y = result.get(OUTPUT);
    long[] shape = y.shape();
    if (shape.length != 2 || shape[0] != (long) windows * len || shape[1] != block.outputSize()) {
      throw new IllegalStateException("block " + block.name() + ": its graph gave shape "
          + Arrays.toString(shape) + " for rows [" + (long) windows * len + ", " + block.inputSize()
          + "]; a block must give [rows, " + block.outputSize() + "]");
    }
    float[] flat = RowLookup.floats(y);
    SameDiffGraph.close(feed.values());
    SameDiffGraph.close(result.values());
    return flat;
  }

  /** @throws UnsupportedOperationException always: this pass is for inference */
  @Override
  public FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
    throw new UnsupportedOperationException("block " + block.name() + " has no native backward pass");
  }

  @Override
  public void close() {
    if (out != null) {
      out.close();
      out = null;
    }
    // SameDiff 1.0.0-M2.1 has no close(); the graph holds no arrays of its own beyond the weights' views.
  }
}
