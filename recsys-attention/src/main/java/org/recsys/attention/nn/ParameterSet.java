package org.recsys.attention.nn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered trainable tensors of a network: what the optimiser updates, snapshots copy and checkpoints hold.
 *
 * <p>The binary form ({@link #writeValues}) is: magic {@code RSPS}, version, count, then per tensor its name,
 * rank, dimensions and little-endian floats. {@link #readValues} checks that names and shapes match, so a
 * file from another configuration is rejected with a message naming the tensor.
 */
public final class ParameterSet implements AutoCloseable {
  private static final int MAGIC = 0x52535053; // "RSPS"
  private static final int VERSION = 1;
  /** Bytes copied at a time between the tensors and a stream. */
  private static final int CHUNK = 1 << 16;

  private final List<Parameter> parameters;
  private final Map<String, Integer> index = new HashMap<>();

  public ParameterSet(List<Parameter> parameters) {
    this.parameters = List.copyOf(parameters);
    for (int i = 0; i < this.parameters.size(); i++) {
      if (index.put(this.parameters.get(i).name(), i) != null) {
        throw new IllegalArgumentException("parameter name " + this.parameters.get(i).name() + " given twice");
      }
    }
  }

  /**
   * The position of the parameter named {@code name}.
   *
   * @throws IllegalArgumentException naming the parameter when the set has none of that name
   */
  public int indexOf(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("no parameter named " + name + " among " + names());
    }
    return i;
  }

  /** The values of the parameter named {@code name}. */
  public FloatTensor value(String name) {
    return parameters.get(indexOf(name)).value();
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  public int size() {
    return parameters.size();
  }

  public Parameter get(int i) {
    return parameters.get(i);
  }

  /** The total number of weights. */
  public long count() {
    long n = 0;
    for (Parameter p : parameters) {
      n += p.length();
    }
    return n;
  }

  public void zeroGradients() {
    for (Parameter p : parameters) {
      p.gradient().fill(0f);
    }
  }

  /** A heap copy of every value, for restoring the best weights later. */
  public float[][] snapshot() {
    float[][] out = new float[parameters.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = parameters.get(i).value().toArray();
    }
    return out;
  }

  /** Puts back values taken by {@link #snapshot()}. */
  public void restore(float[][] snapshot) {
    if (snapshot.length != parameters.size()) {
      throw new IllegalArgumentException("snapshot of " + snapshot.length + " tensors for " + parameters.size());
    }
    for (int i = 0; i < snapshot.length; i++) {
      Parameter p = parameters.get(i);
      if (snapshot[i].length != p.length()) {
        throw new IllegalArgumentException("snapshot of " + p.name() + " has " + snapshot[i].length
            + " values, expected " + p.length());
      }
      p.value().copyFrom(snapshot[i]);
    }
  }

  /** Copies the values of another set with the same names and shapes. */
  public void copyValuesFrom(ParameterSet other) {
    requireSameLayout(other);
    for (int i = 0; i < parameters.size(); i++) {
      parameters.get(i).value().copyFrom(other.get(i).value());
    }
  }

  /** Throws naming the first tensor whose name or shape differs. */
  public void requireSameLayout(ParameterSet other) {
    if (other.size() != size()) {
      throw new IllegalArgumentException(other.size() + " tensors where " + size() + " were expected");
    }
    for (int i = 0; i < size(); i++) {
      Parameter a = get(i);
      Parameter b = other.get(i);
      if (!a.name().equals(b.name()) || !Arrays.equals(a.shape(), b.shape())) {
        throw new IllegalArgumentException("tensor " + i + " is " + b.name() + Arrays.toString(b.shape())
            + " where " + a.name() + Arrays.toString(a.shape()) + " was expected");
      }
    }
  }

  /** Writes all values (see the class comment for the format). */
  public void writeValues(OutputStream out) throws IOException {
    List<FloatTensor> values = new ArrayList<>(parameters.size());
    for (Parameter p : parameters) {
      values.add(p.value());
    }
    writeTensors(out, names(), values);
  }

  /**
   * Reads a whole stream written by {@link #writeValues} into this set.
   *
   * @throws IOException naming the tensor when the stream's layout differs from this set's or ends inside it,
   *     and saying so when bytes follow the last tensor
   */
  public void readValues(InputStream in) throws IOException {
    readEmbeddedValues(in);
    // Bytes after the weights mean the file is not what was saved; loading it anyway would hide that.
    long extra = in.transferTo(OutputStream.nullOutputStream());
    if (extra > 0) {
      throw new IOException(extra + " unexpected bytes after the last tensor");
    }
  }

  /**
   * Reads values written by {@link #writeValues} into this set from a stream that goes on with other content
   * (a checkpoint), leaving what follows unread.
   *
   * @throws IOException naming the tensor when the stream's layout differs from this set's or ends inside it
   */
  public void readEmbeddedValues(InputStream in) throws IOException {
    List<FloatTensor> values = new ArrayList<>(parameters.size());
    for (Parameter p : parameters) {
      values.add(p.value());
    }
    readTensors(in, names(), values);
  }

  /** The names, in order. */
  public List<String> names() {
    List<String> names = new ArrayList<>(parameters.size());
    for (Parameter p : parameters) {
      names.add(p.name());
    }
    return names;
  }

  /** The shapes by name, in order. */
  public Map<String, long[]> shapes() {
    Map<String, long[]> m = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      m.put(p.name(), p.shape());
    }
    return m;
  }

  /** Writes named tensors in this class's binary format. */
  public static void writeTensors(OutputStream out, List<String> names, List<FloatTensor> tensors)
      throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(MAGIC);
    data.writeInt(VERSION);
    data.writeInt(tensors.size());
    byte[] chunk = new byte[CHUNK];
    ByteBuffer bytes = chunkBuffer();
    FloatBuffer dst = bytes.asFloatBuffer();
    for (int i = 0; i < tensors.size(); i++) {
      FloatTensor t = tensors.get(i);
      data.writeUTF(names.get(i));
      long[] shape = t.shape();
      data.writeInt(shape.length);
      for (long s : shape) {
        data.writeLong(s);
      }
      FloatBuffer src = t.buffer().duplicate();
      src.position(0);
      int remaining = t.length();
      while (remaining > 0) {
        int n = Math.min(remaining, CHUNK / 4);
        dst.clear();
        src.limit(src.position() + n);
        dst.put(src);
        bytes.get(0, chunk, 0, n * 4);
        data.write(chunk, 0, n * 4);
        remaining -= n;
      }
    }
    data.flush();
  }

  /**
   * Reads tensors written by {@link #writeTensors} into {@code tensors}, checking names and shapes.
   *
   * @throws IOException naming the tensor when the layout differs, or where the stream ends too early
   */
  public static void readTensors(InputStream in, List<String> names, List<FloatTensor> tensors)
      throws IOException {
    String[] where = {"the header"};
    try {
      readTensors(new DataInputStream(in), names, tensors, where);
    } catch (EOFException e) {
      throw new IOException("truncated: the data ends inside " + where[0], e);
    }
  }

  private static void readTensors(DataInputStream data, List<String> names, List<FloatTensor> tensors,
      String[] where) throws IOException {
    if (data.readInt() != MAGIC) {
      throw new IOException("not a weights file (bad magic number)");
    }
    int version = data.readInt();
    if (version != VERSION) {
      throw new IOException("weights file version " + version + " is not supported (expected " + VERSION + ")");
    }
    int count = data.readInt();
    if (count != tensors.size()) {
      throw new IOException("weights file holds " + count + " tensors, expected " + tensors.size());
    }
    byte[] chunk = new byte[CHUNK];
    ByteBuffer bytes = chunkBuffer();
    FloatBuffer src = bytes.asFloatBuffer();
    for (int i = 0; i < count; i++) {
      FloatTensor t = tensors.get(i);
      where[0] = "tensor " + (i + 1) + " of " + count + " (" + names.get(i) + ")";
      String name = data.readUTF();
      int rank = data.readInt();
      if (rank < 0 || rank > 8) {
        throw new IOException("tensor " + name + ": bad rank " + rank);
      }
      long[] shape = new long[rank];
      for (int r = 0; r < rank; r++) {
        shape[r] = data.readLong();
      }
      if (!name.equals(names.get(i)) || !Arrays.equals(shape, t.shape())) {
        throw new IOException("tensor " + i + " is " + name + Arrays.toString(shape) + " where " + names.get(i)
            + Arrays.toString(t.shape()) + " was expected");
      }
      FloatBuffer dst = t.buffer().duplicate();
      dst.position(0);
      int remaining = t.length();
      while (remaining > 0) {
        int n = Math.min(remaining, CHUNK / 4);
        data.readFully(chunk, 0, n * 4);
        bytes.put(0, chunk, 0, n * 4);
        src.clear().limit(n);
        dst.put(src);
        remaining -= n;
      }
    }
  }

  /**
   * A direct little-endian chunk, whose float view is the class the tensors' buffers are on a little-endian CPU.
   * A view of a heap array is another {@link FloatBuffer} subclass: loading it in the middle of training (the first
   * checkpoint) invalidated every compiled loop over the tensors' buffers, and the second epoch ran 30% slower while
   * they compiled again (BENCHMARKS.md).
   */
  private static ByteBuffer chunkBuffer() {
    return ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public void close() {
    for (Parameter p : parameters) {
      p.value().close();
      p.gradient().close();
    }
  }
}
