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
import org.recsys.api.EpochResult;
import org.recsys.api.TrainingListener;

/**
 * Appends each epoch's result to a JSON-lines file as soon as the epoch ends, so that a run stopped with Ctrl-C
 * and resumed later still reports its whole training history.
 */
public final class EpochLog implements TrainingListener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BufferedWriter out;

  /** Opens {@code file} for appending; {@code fresh} first removes what an earlier run left there. */
  public EpochLog(Path file, boolean fresh) throws IOException {
    if (fresh) {
      Files.deleteIfExists(file);
    }
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Override
  public void onEpochEnd(EpochResult result) {
    try {
      out.write(JSON.writeValueAsString(result));
      out.newLine();
      out.flush();
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
