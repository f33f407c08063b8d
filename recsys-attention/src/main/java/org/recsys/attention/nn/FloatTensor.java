package org.recsys.attention.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recsys.attention.nn.blas.BlasRuntime;

/**
 * A contiguous float array in native memory, owned by an ND4J {@link INDArray}, seen by Java kernels through a
 * {@link FloatBuffer} and by BLAS through a pointer. The hand-written passes keep every activation and weight
 * in these so that no step allocates native memory: a tensor is allocated once, reused, and freed by
 * {@link #close()} rather than by the garbage collector.
 *
 * <p>The buffer is shared: use absolute {@code get(int)} / {@code put(int, float)} only.
 */
public final class FloatTensor implements AutoCloseable {
  static {
    BlasRuntime.load(); // before ND4J loads OpenBLAS, so that it loads on the CPU's best kernel
  }

  /** The buffer of every empty tensor: direct, as the others are. */
  private static final FloatBuffer EMPTY = ByteBuffer.allocateDirect(0).order(ByteOrder.nativeOrder()).asFloatBuffer();

  private final INDArray array;
  private final FloatBuffer buffer;
  private final FloatPointer pointer;
  private final long[] shape;
  private final int length;

  private FloatTensor(INDArray array) {
    if (array.dataType() != DataType.FLOAT) {
      throw new IllegalArgumentException("a FloatTensor needs a FLOAT array, got " + array.dataType());
    }
    if (array.isView() || array.ordering() != 'c' || array.offset() != 0) {
      throw new IllegalArgumentException("a FloatTensor needs a contiguous c-order array that is not a view");
    }
    if (array.length() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("array too large for one tensor: " + array.length() + " elements");
    }
    this.array = array;
    this.shape = array.shape().clone();
    this.length = (int) array.length();
    // Empty tensors get a direct view too: every tensor's buffer is then of one class, which compiled loops rely on.
    this.buffer = length == 0 ? EMPTY.duplicate() : array.data().asNioFloat();
    this.pointer = length == 0 ? null : (FloatPointer) array.data().addressPointer();
  }

  /** A zero-filled tensor of the given shape (a tensor of length 0 is allowed). */
  public static FloatTensor zeros(long... shape) {
    for (long s : shape) {
      if (s < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
    }
    // Never inside a caller's ND4J workspace: these buffers outlive any workspace scope.
    try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) == 0) {
        return new FloatTensor(Nd4j.create(DataType.FLOAT, new long[] {0}, 'c'));
      }
      return new FloatTensor(Nd4j.create(DataType.FLOAT, shape, 'c'));
    }
  }

  /** A tensor with the given shape holding a copy of {@code values} (row-major). */
  public static FloatTensor of(float[] values, long... shape) {
    FloatTensor t = zeros(shape);
    if (values.length != t.length) {
      throw new IllegalArgumentException(values.length + " values for shape " + Arrays.toString(shape));
    }
    t.copyFrom(values);
    return t;
  }

  /** Wraps an existing contiguous FLOAT array (not a view) without copying. */
  public static FloatTensor wrap(INDArray array) {
    return new FloatTensor(array);
  }

  /** The backing ND4J array (shares memory with this tensor). */
  public INDArray array() {
    return array;
  }

  /** The Java view of the data; use absolute indexing only. */
  public FloatBuffer buffer() {
    return buffer;
  }

  /** A fresh pointer to element {@code offset}, for one BLAS call. */
  public FloatPointer pointer(long offset) {
    if (offset < 0 || offset > length) {
      throw new IndexOutOfBoundsException("offset " + offset + " outside a tensor of " + length);
    }
    return new FloatPointer(pointer).position(offset);
  }

  public long[] shape() {
    return shape.clone();
  }

  public int length() {
    return length;
  }

  public float get(int i) {
    return buffer.get(i);
  }

  public void set(int i, float v) {
    buffer.put(i, v);
  }

  /** Sets every element to {@code v}. */
  public void fill(float v) {
    fill(0, length, v);
  }

  /** Sets elements {@code [from, to)} to {@code v}. */
  public void fill(int from, int to, float v) {
    FloatBuffer b = buffer;
    for (int i = from; i < to; i++) {
      b.put(i, v);
    }
  }

  /** Copies all of {@code values} into the start of this tensor. */
  public void copyFrom(float[] values) {
    FloatBuffer b = buffer.duplicate();
    b.position(0);
    b.put(values);
  }

  /** Copies {@code other}'s elements into the start of this tensor. */
  public void copyFrom(FloatTensor other) {
    if (other.length > length) {
      throw new IllegalArgumentException("cannot copy " + other.length + " elements into " + length);
    }
    FloatBuffer src = other.buffer.duplicate();
    src.position(0);
    FloatBuffer dst = buffer.duplicate();
    dst.position(0);
    dst.put(src);
  }

  /** The elements as a new heap array. */
  public float[] toArray() {
    float[] out = new float[length];
    FloatBuffer b = buffer.duplicate();
    b.position(0);
    b.get(out);
    return out;
  }

  /** Frees the native memory now. The tensor must not be used afterwards. */
  @Override
  public void close() {
    if (!array.wasClosed() && array.closeable()) {
      array.close();
    }
  }
}
