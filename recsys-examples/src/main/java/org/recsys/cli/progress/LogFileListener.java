package org.recsys.cli.progress;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.recsys.api.EpochResult;
import org.recsys.api.TrainingListener;

/** Appends one line per epoch to a run's training log, flushed at once so a crash keeps what happened. */
public final class LogFileListener implements TrainingListener, AutoCloseable {
  private final BufferedWriter out;

  public LogFileListener(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Writes a free-form line. */
  public void line(String text) {
    try {
      out.write(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + text);
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void onEpochEnd(EpochResult r) {
    line(String.format(Locale.ROOT, "epoch %d loss %.5f seconds %.2f validation %s%s", r.epoch(), r.loss(), r.seconds(),
        r.validation(), r.improved() ? " best" : ""));
  }

  @Override
  public void onTrainingEnd(int bestEpoch) {
    line("training finished; kept epoch " + bestEpoch);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
