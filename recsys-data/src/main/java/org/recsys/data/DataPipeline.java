package org.recsys.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.recsys.api.ChecksumList;
import org.recsys.api.SequenceDataset;
import org.recsys.data.io.DataFormat;
import org.recsys.data.io.RecBoleAtomicWriter;
import org.recsys.data.io.ReadSummary;
import org.recsys.data.io.RecBoleItemReader;
import org.recsys.data.io.SasRecTextWriter;
import org.recsys.data.io.SequencesTextWriter;
import org.recsys.data.preprocess.Interactions;
import org.recsys.data.preprocess.Preprocessed;
import org.recsys.data.preprocess.Preprocessor;
import org.recsys.data.split.DataSplit;
import org.recsys.data.stats.DataStats;
import org.recsys.data.synthetic.SyntheticGenerator;

/**
 * The one data pipeline every model shares: read (or generate) -> preprocess -> split. This is what
 * {@code recsys train/evaluate} and {@code recsys data stats|convert} call.
 *
 * <pre>{@code
 * LoadedData data = DataPipeline.load(config);           // read + preprocess, with stats and provenance
 * DataSplit split = DataPipeline.split(data, config);     // as config.split() says
 * System.out.print(DataStats.table("before", data.before(), "after", data.after()));
 * DataPipeline.convert(data, DataPipeline.Target.RECBOLE, outDir, "mydata");
 * }</pre>
 */
public final class DataPipeline {
  private DataPipeline() {}

  /** Output formats of {@link #convert}. */
  public enum Target {
    /** {@code user item} text with dense ids, plus id files; see {@link SasRecTextWriter}. */
    SASREC,
    /** {@code user item item ...}, one line per user, with dense ids, plus id files; see {@link SequencesTextWriter}. */
    SEQUENCES,
    /** RecBole atomic {@code .inter} (+ {@code .item}); see {@link RecBoleAtomicWriter}. */
    RECBOLE
  }

  /**
   * Reads and preprocesses the data the config names, or generates the synthetic data set.
   *
   * @throws IOException naming the file (and line) when it is missing, empty or malformed
   * @throws org.recsys.api.ConfigException for invalid settings
   * @throws org.recsys.data.preprocess.EmptyDataException when preprocessing removes everything
   */
  public static LoadedData load(DataConfig config) throws IOException {
    return load(config, config.usesSynthetic() ? null : config.resolvedFormat());
  }

  /**
   * Like {@link #load(DataConfig)}, reading {@code config.path()} with {@code format}, which the caller resolved
   * (e.g. {@code config.resolvedFormat(itsOwnRegistry)}).
   *
   * @param format the format of the file; ignored, and may be null, for synthetic data
   */
  public static LoadedData load(DataConfig config, DataFormat format) throws IOException {
    Map<String, String> provenance = new LinkedHashMap<>();
    if (config.usesSynthetic()) {
      SequenceDataset d = SyntheticGenerator.generate(config.synthetic());
      DataStats stats = DataStats.of(d);
      provenance.put("source", syntheticSource(config.synthetic()));
      return new LoadedData(d, stats, stats, provenance, null, Map.of());
    }
    Path file = Path.of(config.path());
    Objects.requireNonNull(format, "format");
    Interactions.Builder builder = Interactions.builder();
    ReadSummary read = format.reader(config.columns(), config.delimiterChar(), config.lenient()).read(file, builder);
    Interactions interactions = builder.build();
    provenance.put("source", file.toAbsolutePath().toString());
    provenance.put("format", format.name());
    provenance.put("sha256", sha256(file));
    provenance.put("interactionsRead", Long.toString(read.interactions()));
    if (config.lenient()) {
      provenance.put("linesSkipped", Long.toString(read.skippedLines()));
    }
    Preprocessed p = new Preprocessor(config.preprocess()).apply(interactions);
    p.steps().forEach((k, v) -> provenance.put("preprocess." + k, v));
    Map<String, String> titles = Map.of();
    if (config.itemFile() != null) {
      titles = RecBoleItemReader.titles(Path.of(config.itemFile()), config.columns() == null ? null
          : config.columns().item(), null);
      provenance.put("itemFile", Path.of(config.itemFile()).toAbsolutePath().toString());
    }
    return new LoadedData(p.dataset(), p.before(), p.after(), provenance, read, titles);
  }

  /** The provenance "source" of a synthetic data set: its generator's settings, which determine it. */
  public static String syntheticSource(org.recsys.data.synthetic.SyntheticConfig synthetic) {
    return "synthetic " + synthetic;
  }

  /** Splits loaded data as {@code config.split()} says. */
  public static DataSplit split(LoadedData data, DataConfig config) {
    return config.split().splitter().split(data.dataset());
  }

  /**
   * Writes loaded data in another format.
   *
   * @param out for {@link Target#SASREC} and {@link Target#SEQUENCES} the text file; for {@link Target#RECBOLE} the
   *     directory
   * @param name the RecBole data set name (file stem); ignored for the others
   * @return the main file written
   */
  public static Path convert(LoadedData data, Target target, Path out, String name) throws IOException {
    return switch (target) {
      case SASREC -> {
        SasRecTextWriter.write(data.dataset(), out);
        yield out;
      }
      case SEQUENCES -> {
        SequencesTextWriter.write(data.dataset(), out);
        yield out;
      }
      case RECBOLE -> RecBoleAtomicWriter.write(data.dataset(), out, name, data.titles());
    };
  }

  /** The SHA-256 of a file's bytes, in hex (the checksum every saved file carries: {@link ChecksumList#sha256}). */
  public static String sha256(Path file) throws IOException {
    return ChecksumList.sha256(file);
  }
}
