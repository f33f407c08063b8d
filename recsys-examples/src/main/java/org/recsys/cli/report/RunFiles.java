package org.recsys.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recsys.api.AtomicFiles;
import org.recsys.api.ChecksumList;
import org.recsys.api.EvalCase;
import org.recsys.api.EvaluationReport;

/** The file layout of a run directory, and atomic reading and writing of its result files. */
public final class RunFiles {
  public static final String CONFIG = "config.resolved.yaml";
  public static final String METRICS = "metrics.json";
  public static final String PER_CASE = "per-case.tsv";
  public static final String REPORT_MD = "report.md";
  public static final String REPORT_HTML = "report.html";
  public static final String MODEL_DIR = "model";
  public static final String LOG = "train.log";
  public static final String EPOCHS = "epochs.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private RunFiles() {}

  /** Writes {@code metrics.json}. */
  public static void writeRecord(Path runDir, RunRecord record) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(record);
    AtomicFiles.write(runDir.resolve(METRICS), out -> out.write(bytes));
  }

  /**
   * Reads {@code metrics.json} of a finished run, naming the file when it is missing, malformed or fails its
   * checksum, and the directory when it holds no finished run.
   */
  public static RunRecord readRecord(Path runDir) throws IOException {
    Path file = runDir.resolve(METRICS);
    requireFinished(runDir);
    ChecksumList.verify(runDir, List.of(METRICS));
    try {
      return JSON.readValue(file.toFile(), RunRecord.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException(file + ": not a valid run record: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Checks that {@code runDir} holds a finished run: one whose checksum list, written last, is there.
   *
   * @throws NoSuchFileException naming the directory when it does not exist or holds no run
   * @throws IOException naming the directory when the run in it was never finished
   */
  public static void requireFinished(Path runDir) throws IOException {
    if (!Files.isDirectory(runDir)) {
      throw new NoSuchFileException(runDir.toString(), null, Files.exists(runDir) ? "not a directory"
          : "no such run directory");
    }
    if (!ChecksumList.exists(runDir)) {
      if (!Files.exists(runDir.resolve(METRICS))) {
        throw new NoSuchFileException(runDir.resolve(METRICS).toString(), null, "not a run directory: it has no "
            + METRICS);
      }
      throw new IOException(runDir + ": not a finished run (it has no " + ChecksumList.FILE_NAME + ", which a run"
          + " writes last): it was interrupted, or written by an older recsys; run it again");
    }
  }

  /** Writes per-case metric values as TSV: a header of metric keys, then one row per case (user first). */
  public static void writePerCase(Path runDir, List<EvalCase> cases, EvaluationReport report) throws IOException {
    List<String> keys = new ArrayList<>(report.perCase().keySet());
    AtomicFiles.write(runDir.resolve(PER_CASE), out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write("user");
      for (String k : keys) {
        w.write('\t');
        w.write(k);
      }
      w.write('\n');
      List<double[]> cols = keys.stream().map(report.perCase()::get).toList();
      for (int i = 0; i < cases.size(); i++) {
        w.write(cases.get(i).user());
        for (double[] col : cols) {
          w.write('\t');
          w.write(String.format(Locale.ROOT, "%.6g", col[i]));
        }
        w.write('\n');
      }
      w.flush();
    });
  }

  /** Per-case values written by {@link #writePerCase}, keyed by metric, with the users in row order. */
  public record PerCase(List<String> users, Map<String, double[]> values) {}

  /** Reads {@code per-case.tsv} of a finished run, naming the file and line of anything malformed. */
  public static PerCase readPerCase(Path runDir) throws IOException {
    Path file = runDir.resolve(PER_CASE);
    requireFinished(runDir);
    ChecksumList.verify(runDir, List.of(PER_CASE));
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(file + ": empty per-case file");
    }
    String[] header = lines.get(0).split("\t", -1);
    List<String> users = new ArrayList<>();
    double[][] cols = new double[header.length - 1][lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", -1);
      if (f.length != header.length) {
        throw new IOException(file + ":" + (i + 1) + ": expected " + header.length + " columns, got " + f.length);
      }
      users.add(f[0]);
      for (int c = 1; c < f.length; c++) {
        try {
          cols[c - 1][i - 1] = Double.parseDouble(f[c]);
        } catch (NumberFormatException e) {
          throw new IOException(file + ":" + (i + 1) + ": not a number in column " + header[c] + ": '" + f[c] + "'");
        }
      }
    }
    Map<String, double[]> values = new LinkedHashMap<>();
    for (int c = 1; c < header.length; c++) {
      values.put(header[c], cols[c - 1]);
    }
    return new PerCase(users, values);
  }
}
