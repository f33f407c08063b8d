package org.recsys.cli.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.recsys.api.AtomicFiles;
import org.recsys.api.EpochResult;
import org.recsys.api.TrainingListener;

/**
 * Appends each epoch's result to a JSON-lines file as soon as the epoch ends, so that a run stopped with Ctrl-C
 * and resumed later still reports its whole training history. The file holds one line per epoch: an epoch that
 * starts again after a resume (its first attempt was cut short after the line was written) replaces the lines
 * of that epoch and later ones, and a line cut short by a crash is dropped before anything is appended.
 */
public final class EpochLog implements TrainingListener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private BufferedWriter out;
  private int lastLogged;

  /** Opens {@code file} for appending; {@code fresh} first removes what an earlier run left there. */
  public EpochLog(Path file, boolean fresh) throws IOException {
    this.file = file;
    if (fresh) {
      Files.deleteIfExists(file);
    } else {
      keepBefore(Integer.MAX_VALUE);
    }
    open();
  }

  private void open() throws IOException {
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Rewrites the file atomically with the whole lines of epochs before {@code epoch}, in order. */
  private void keepBefore(int epoch) throws IOException {
    List<EpochResult> kept = new ArrayList<>(read(file));
    kept.removeIf(r -> r.epoch() >= epoch);
    StringBuilder sb = new StringBuilder();
    for (EpochResult r : kept) {
      sb.append(JSON.writeValueAsString(r)).append('\n');
    }
    AtomicFiles.writeString(file, sb.toString());
    lastLogged = kept.isEmpty() ? 0 : kept.get(kept.size() - 1).epoch();
  }

  @Override
  public void onEpochStart(int epoch, int maxEpochs, int steps) {
    if (epoch <= lastLogged) {
      try {
        out.close();
        keepBefore(epoch);
        open();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void onEpochEnd(EpochResult result) {
    try {
      out.write(JSON.writeValueAsString(result));
      out.newLine();
      out.flush();
      lastLogged = result.epoch();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The epochs in {@code file}, in epoch order; when an epoch appears twice (it was interrupted, then run again
   * after a resume) the later line wins. A line cut short by a crash is ignored.
   */
  public static List<EpochResult> read(Path file) throws IOException {
    TreeMap<Integer, EpochResult> byEpoch = new TreeMap<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          EpochResult r = JSON.readValue(line, EpochResult.class);
          byEpoch.put(r.epoch(), r);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
          // Only the last line can be partial (a crash mid-write); earlier lines were flushed whole.
        }
      }
    }
    return new ArrayList<>(byEpoch.values());
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
