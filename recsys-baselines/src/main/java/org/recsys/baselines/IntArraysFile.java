package org.recsys.baselines;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.recsys.api.AtomicFiles;

/**
 * A binary file of named int arrays (counts, sparse rows), written atomically: a magic number, the number of
 * arrays, then per array its name, length and big-endian values.
 */
public final class IntArraysFile {
  private static final int MAGIC = 0x52534941; // "RSIA"
  private static final int VERSION = 1;

  private final Path file;
  private final Map<String, int[]> arrays;

  private IntArraysFile(Path file, Map<String, int[]> arrays) {
    this.file = file;
    this.arrays = arrays;
  }

  /** Writes {@code arrays} (in iteration order) to {@code file} atomically. */
  public static void write(Path file, Map<String, int[]> arrays) throws IOException {
    AtomicFiles.write(file, raw -> {
      DataOutputStream out = new DataOutputStream(raw);
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(arrays.size());
      for (Map.Entry<String, int[]> e : arrays.entrySet()) {
        out.writeUTF(e.getKey());
        int[] a = e.getValue();
        out.writeInt(a.length);
        for (int v : a) {
          out.writeInt(v);
        }
      }
      out.flush();
    });
  }

  /**
   * Reads a file written by {@link #write}.
   *
   * @throws IOException naming the file when it is missing, not such a file, or truncated
   */
  public static IntArraysFile read(Path file) throws IOException {
    Map<String, int[]> arrays = new LinkedHashMap<>();
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(file + ": not a recsys int-arrays file (bad magic number)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(file + ": unsupported int-arrays version " + version + " (expected " + VERSION + ")");
      }
      int count = in.readInt();
      if (count < 0) {
        throw new IOException(file + ": corrupt header (negative array count " + count + ")");
      }
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        int length = in.readInt();
        if (length < 0) {
          throw new IOException(file + ": array '" + name + "' has negative length " + length);
        }
        int[] a = new int[length];
        for (int j = 0; j < length; j++) {
          a[j] = in.readInt();
        }
        arrays.put(name, a);
      }
      if (in.read() != -1) {
        throw new IOException(file + ": unexpected bytes after the last array");
      }
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "model file is missing");
    } catch (EOFException e) {
      throw new IOException(file + ": truncated", e);
    }
    return new IntArraysFile(file, Collections.unmodifiableMap(arrays));
  }

  /**
   * The array named {@code name}.
   *
   * @throws IOException naming the file when it holds no such array
   */
  public int[] require(String name) throws IOException {
    int[] a = arrays.get(name);
    if (a == null) {
      throw new IOException(file + ": no array named '" + name + "' (found " + arrays.keySet() + ")");
    }
    return a;
  }
}
