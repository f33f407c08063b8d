package org.recsys.cli.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.recsys.api.AtomicFiles;

/**
 * What a run directory records about its attempts in {@value #FILE_NAME}, so that a stopped and resumed run
 * still knows them: the checksum of the data it started on, and the training time of all its attempts.
 *
 * @param dataChecksum the data's checksum, or null when unknown
 * @param trainSeconds training seconds spent so far, over every attempt
 */
public record RunState(String dataChecksum, double trainSeconds) {
  /** The file name inside a run directory. */
  public static final String FILE_NAME = "run-state.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The state in {@code runDir}, or an empty one when it has none. */
  public static RunState read(Path runDir) throws IOException {
    Path file = runDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return new RunState(null, 0);
    }
    try {
      return JSON.readValue(file.toFile(), RunState.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException(file + ": not a valid run state: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes the state into {@code runDir} atomically. */
  public void write(Path runDir) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(this);
    AtomicFiles.write(runDir.resolve(FILE_NAME), out -> out.write(bytes));
  }

  /** This state with other training seconds. */
  public RunState withTrainSeconds(double seconds) {
    return new RunState(dataChecksum, seconds);
  }
}
