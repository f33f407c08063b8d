package org.recsys.attention.train;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.recsys.api.AtomicFiles;
import org.recsys.api.EpochResult;
import org.recsys.api.EvalCase;
import org.recsys.api.TrainingData;
import org.recsys.api.UserSequence;
import org.recsys.attention.nn.Adam;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;

/**
 * Reads and writes {@value #FILE_NAME}: the trainer's progress, the weights, the optimiser's moments and the
 * best weights so far, in one file written atomically and ended by the CRC32C of everything before it. A
 * checkpoint names the run it belongs to (seed, settings, the network's loss, dropout and the like, tensor
 * layout, a fingerprint of the training and validation data); resuming a different run is refused with the
 * difference, and a damaged file is refused before anything is read from it.
 */
final class Checkpoint {
  static final String FILE_NAME = "checkpoint.bin";
  private static final int MAGIC = 0x5253434B; // "RSCK"
  private static final int VERSION = 2;
  private static final int TRAILER = Long.BYTES;

  private Checkpoint() {}

  static Path file(Path dir) {
    return dir.resolve(FILE_NAME);
  }

  /**
   * Identifies the run: a checkpoint only resumes a run with the same identity. The epoch limit is left out so
   * that a finished run can be extended.
   */
  static String identity(long seed, TrainerSettings s, TrainableNetwork network, TrainingData data) {
    StringBuilder sb = new StringBuilder();
    sb.append("seed=").append(seed).append(", batchSize=").append(s.batchSize()).append(", maxLen=")
        .append(s.maxLen()).append(", validateEvery=").append(s.validateEvery()).append(", patience=")
        .append(s.patience()).append(", metric=").append(s.metric()).append(", learningRate=")
        .append(s.learningRate()).append(", beta1=").append(s.beta1()).append(", beta2=").append(s.beta2())
        .append(", epsilon=").append(s.epsilon()).append(", l2Embedding=").append(s.l2Embedding())
        .append("; ").append(network.trainingSetup()).append("; tensors=");
    network.parameters().shapes().forEach((name, shape) -> sb.append(name).append(java.util.Arrays.toString(shape)).append(' '));
    sb.append("; data=").append(fingerprint(data));
    return sb.toString().trim();
  }

  /**
   * A CRC32C of the training sequences and validation cases with their sizes: another data file with the same
   * item count, or another preprocessing or split, gives another fingerprint.
   */
  static String fingerprint(TrainingData data) {
    CRC32C crc = new CRC32C();
    ByteBuffer b = ByteBuffer.allocate(Integer.BYTES);
    java.util.function.IntConsumer put = v -> {
      b.clear();
      crc.update(b.putInt(v).flip());
    };
    put.accept(data.train().numItems());
    long interactions = 0;
    for (UserSequence u : data.train().users()) {
      crc.update(u.user().getBytes(StandardCharsets.UTF_8));
      put.accept(u.length());
      for (int i = 0; i < u.length(); i++) {
        put.accept(u.item(i));
      }
      interactions += u.length();
    }
    for (EvalCase c : data.validation()) {
      crc.update(c.user().getBytes(StandardCharsets.UTF_8));
      for (int[] part : new int[][] {c.history(), c.targets(), c.hasCandidates() ? c.candidates() : new int[0]}) {
        put.accept(part.length);
        for (int v : part) {
          put.accept(v);
        }
      }
    }
    return String.format(java.util.Locale.ROOT, "crc32c:%08x (%d users, %d interactions, %d validation cases)",
        crc.getValue(), data.train().users().size(), interactions, data.validation().size());
  }

  /**
   * Deletes what an atomic write of the checkpoint killed midway left in {@code dir} (its clean-up never ran).
   */
  static void deleteStaleTemporaries(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, "." + FILE_NAME + "*.tmp")) {
      for (Path p : stale) {
        Files.deleteIfExists(p);
      }
    }
  }

  static void write(Path dir, String identity, TrainerState state, ParameterSet parameters, Adam adam)
      throws IOException {
    AtomicFiles.write(file(dir), raw -> {
      CheckedOutputStream out = new CheckedOutputStream(raw, new CRC32C());
      DataOutputStream data = new DataOutputStream(out);
      data.writeInt(MAGIC);
      data.writeInt(VERSION);
      writeLongString(data, identity);
      data.writeInt(state.epoch);
      data.writeInt(state.step);
      data.writeDouble(state.lossSum);
      data.writeDouble(state.seconds);
      data.writeDouble(state.bestMetric);
      data.writeInt(state.bestEpoch);
      data.writeInt(state.badValidations);
      data.writeBoolean(state.finished);
      data.writeBoolean(state.stoppedEarly);
      data.writeInt(state.history.size());
      for (EpochResult r : state.history) {
        data.writeInt(r.epoch());
        data.writeDouble(r.loss());
        data.writeDouble(r.seconds());
        data.writeBoolean(r.improved());
        data.writeInt(r.validation().size());
        for (Map.Entry<String, Double> e : new java.util.TreeMap<>(r.validation()).entrySet()) {
          data.writeUTF(e.getKey());
          data.writeDouble(e.getValue());
        }
      }
      data.writeBoolean(state.best != null);
      data.flush();
      parameters.writeValues(out);
      adam.writeState(out);
      if (state.best != null) {
        List<FloatTensor> tensors = new ArrayList<>();
        try {
          for (int i = 0; i < state.best.length; i++) {
            tensors.add(FloatTensor.of(state.best[i], parameters.get(i).shape()));
          }
          ParameterSet.writeTensors(out, parameters.names(), tensors);
        } finally {
          tensors.forEach(FloatTensor::close);
        }
      }
      out.flush();
      DataOutputStream trailer = new DataOutputStream(raw);
      trailer.writeLong(out.getChecksum().getValue());
      trailer.flush();
    });
  }

  /**
   * Loads a checkpoint into {@code parameters}, {@code adam} and a fresh state.
   *
   * @throws IOException naming the file when it is unreadable or belongs to another run
   */
  static TrainerState read(Path dir, String identity, ParameterSet parameters, Adam adam) throws IOException {
    Path file = file(dir);
    verifyChecksum(file);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      DataInputStream data = new DataInputStream(in);
      if (data.readInt() != MAGIC) {
        throw new IOException(file + ": not a training checkpoint");
      }
      int version = data.readInt();
      if (version != VERSION) {
        throw new IOException(file + ": checkpoint version " + version + " is not supported");
      }
      String saved = readLongString(data);
      if (!saved.equals(identity)) {
        throw new IOException(file + ": the checkpoint belongs to another run.\n  checkpoint: " + saved
            + "\n  this run:   " + identity);
      }
      TrainerState s = new TrainerState();
      s.epoch = data.readInt();
      s.step = data.readInt();
      s.lossSum = data.readDouble();
      s.seconds = data.readDouble();
      s.bestMetric = data.readDouble();
      s.bestEpoch = data.readInt();
      s.badValidations = data.readInt();
      s.finished = data.readBoolean();
      s.stoppedEarly = data.readBoolean();
      int h = data.readInt();
      for (int i = 0; i < h; i++) {
        int epoch = data.readInt();
        double loss = data.readDouble();
        double seconds = data.readDouble();
        boolean improved = data.readBoolean();
        int m = data.readInt();
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int j = 0; j < m; j++) {
          metrics.put(data.readUTF(), data.readDouble());
        }
        s.history.add(new EpochResult(epoch, loss, seconds, metrics, improved));
      }
      boolean hasBest = data.readBoolean();
      parameters.readEmbeddedValues(in);
      adam.readState(in);
      if (hasBest) {
        List<FloatTensor> tensors = new ArrayList<>();
        try {
          for (int i = 0; i < parameters.size(); i++) {
            tensors.add(FloatTensor.zeros(parameters.get(i).shape()));
          }
          ParameterSet.readTensors(in, parameters.names(), tensors);
          s.best = new float[tensors.size()][];
          for (int i = 0; i < tensors.size(); i++) {
            s.best[i] = tensors.get(i).toArray();
          }
        } finally {
          tensors.forEach(FloatTensor::close);
        }
      }
      int rest = in.readAllBytes().length;
      if (rest != TRAILER) {
        throw new IOException(file + ": " + (rest - TRAILER) + " unexpected bytes after the checkpoint's content");
      }
      return s;
    } catch (java.io.EOFException e) {
      throw new IOException(file + ": checkpoint is truncated", e);
    } catch (IOException e) {
      String msg = e.getMessage();
      if (msg != null && msg.startsWith(file.toString())) {
        throw e;
      }
      throw new IOException(file + ": " + (msg == null ? e.getClass().getSimpleName() : msg), e);
    }
  }

  /** Checks the CRC32C trailer before anything is read, so a damaged file changes nothing. */
  private static void verifyChecksum(Path file) throws IOException {
    long size = Files.size(file);
    if (size < 2 * Integer.BYTES + TRAILER) {
      throw new IOException(file + ": checkpoint is truncated (" + size + " bytes)");
    }
    CRC32C crc = new CRC32C();
    long stored;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      byte[] buf = new byte[1 << 16];
      long left = size - TRAILER;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new IOException(file + ": checkpoint is truncated");
        }
        crc.update(buf, 0, n);
        left -= n;
      }
      stored = new DataInputStream(in).readLong();
    }
    if (stored != crc.getValue()) {
      throw new IOException(file + ": checksum mismatch: the checkpoint is damaged or cut short (CRC32C "
          + Long.toHexString(crc.getValue()) + ", stored " + Long.toHexString(stored) + "); delete it to train"
          + " from the start");
    }
  }

  private static void writeLongString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readLongString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (1 << 24)) {
      throw new IOException("bad identity length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }
}
