package org.recsys.data.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.recsys.api.ConfigException;
import org.recsys.api.Registry;

/**
 * The input formats that configs can name, found with {@code ServiceLoader}: the built-in ones and any listed in
 * a jar's {@code META-INF/services/org.recsys.data.io.DataFormat}.
 */
public final class FormatRegistry {
  /**
   * The config value that asks for the format to be told from the file name, and from the file's first lines where
   * formats share a name ({@link #detect}).
   */
  public static final String AUTO = "auto";

  private final Registry<DataFormat> formats;

  private FormatRegistry(Registry<DataFormat> formats) {
    this.formats = formats;
    if (formats.find(AUTO).isPresent()) {
      throw new IllegalStateException("data format name '" + AUTO + "' is reserved for detection by file name");
    }
  }

  /** The formats registered on the thread's context class loader. */
  public static FormatRegistry installed() {
    return load(Thread.currentThread().getContextClassLoader());
  }

  /** The formats registered on {@code loader}'s class path. */
  public static FormatRegistry load(ClassLoader loader) {
    return new FormatRegistry(Registry.load(DataFormat.class, loader, "data format", DataFormat::name));
  }

  /** Exactly these formats, in this order. */
  public static FormatRegistry of(Iterable<? extends DataFormat> formats) {
    return new FormatRegistry(Registry.of("data format", formats, DataFormat::name));
  }

  /** The registered names, in registration order. */
  public List<String> names() {
    return formats.names();
  }

  /** The registered formats, in registration order. */
  public List<DataFormat> all() {
    return formats.all();
  }

  /**
   * The format registered as {@code name} (ignoring case).
   *
   * @param key the config key {@code name} came from, named in the error
   * @throws ConfigException naming the key and the valid names when none is registered as {@code name}
   */
  public DataFormat parse(String key, String name) {
    return formats.find(name).orElseThrow(() -> new ConfigException(key, "unknown data format '" + name
        + "'; valid: " + String.join(", ", names()) + ", " + AUTO));
  }

  /**
   * The one format that {@link DataFormat#recognises recognises} {@code file}'s name ({@code .gz} ignored); the
   * built-in ones claim {@code .txt} (SASRec and sequences), {@code .dat} (MovieLens), {@code u.data}/{@code .data}
   * (MovieLens u.data), {@code .inter} (RecBole), {@code .csv} and {@code .tsv}. When several formats claim the
   * name and each of them is a {@link ContentRecognition}, the first {@link ContentRecognition#SAMPLE_LINES}
   * non-blank lines of the file decide: the one claimant that recognises them. A file that cannot be read then
   * gets the first claimant, whose reader reports the problem with the file.
   *
   * @throws ConfigException (key {@code key}) when no format claims the name, or more than one does and the
   *     content does not single one out
   */
  public DataFormat detect(String key, Path file) {
    List<DataFormat> claims = claims(key, file);
    if (claims.size() == 1) {
      return claims.get(0);
    }
    List<String> sample;
    try {
      sample = firstLines(file);
    } catch (IOException e) {
      return claims.get(0);
    }
    List<DataFormat> fits = claims.stream().filter(f -> ((ContentRecognition) f).recognisesContent(sample)).toList();
    if (fits.size() != 1) {
      throw new ConfigException(key, "'" + file.getFileName() + "' could be in any of the formats "
          + claims.stream().map(DataFormat::name).toList() + " by its name, and its first lines fit "
          + (fits.isEmpty() ? "none of them" : "all of " + fits.stream().map(DataFormat::name).toList())
          + "; set " + key + " to one of them");
    }
    return fits.get(0);
  }

  /**
   * Checks, without reading the file, that {@link #detect} can tell {@code file}'s format: some format claims its
   * name, and when several do, each can tell its files by their content.
   *
   * @throws ConfigException (key {@code key}) when {@link #detect} could not
   */
  public void checkDetectable(String key, Path file) {
    claims(key, file);
  }

  private List<DataFormat> claims(String key, Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    String fileName = name;
    List<DataFormat> claims = formats.all().stream().filter(f -> f.recognises(fileName)).toList();
    if (claims.isEmpty()) {
      throw new ConfigException(key, "cannot tell the format of '" + file.getFileName() + "' from its name; set it"
          + " to one of " + String.join(", ", names()));
    }
    if (claims.size() > 1 && !claims.stream().allMatch(ContentRecognition.class::isInstance)) {
      throw new ConfigException(key, "'" + file.getFileName() + "' could be in any of the formats "
          + claims.stream().map(DataFormat::name).toList() + "; set " + key + " to one of them");
    }
    return claims;
  }

  private static List<String> firstLines(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = DataFiles.open(file)) {
      for (String line = in.readLine(); line != null && lines.size() < ContentRecognition.SAMPLE_LINES;
          line = in.readLine()) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
    return lines;
  }
}
