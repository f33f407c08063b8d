package org.recsys.cli.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.recsys.cli.report.RunFiles;

/**
 * What a run is made from: its fully resolved config and the checksum of its data. A finished run can stand for
 * a run asked for now, and a checkpoint can be resumed, only when these agree.
 *
 * @param config the resolved config as {@value RunFiles#CONFIG} holds it
 * @param dataChecksum the data's checksum, e.g. {@code sha256:...}; null when not recorded
 */
public record RunIdentity(JsonNode config, String dataChecksum) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  /** The identity of {@code experiment} run on data with {@code dataChecksum}. */
  public static RunIdentity of(Experiment experiment, String dataChecksum) throws IOException {
    // Through the YAML text, so numbers compare as they will read back from the file.
    return new RunIdentity(YAML.readTree(configText(experiment)), dataChecksum);
  }

  /**
   * The identity recorded in a run directory (finished or not), or empty when it has no resolved config yet.
   *
   * @throws IOException naming the file that cannot be read
   */
  public static Optional<RunIdentity> read(Path runDir) throws IOException {
    Path config = runDir.resolve(RunFiles.CONFIG);
    if (!Files.isRegularFile(config)) {
      return Optional.empty();
    }
    JsonNode tree;
    try {
      tree = YAML.readTree(config.toFile());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException(config + ": not a readable resolved config: " + e.getOriginalMessage(), e);
    }
    return Optional.of(new RunIdentity(tree, RunState.read(runDir).dataChecksum()));
  }

  /** The text of {@value RunFiles#CONFIG} for {@code experiment}. */
  public static String configText(Experiment experiment) throws IOException {
    return "# Fully resolved config of this run (defaults < file < --set, every default filled in).\n"
        + "# Re-run it with: recsys run --config " + RunFiles.CONFIG + "\n"
        + YAML.writeValueAsString(experiment.resolvedTree(YAML));
  }

  /**
   * The first difference between this identity (what is there) and {@code now}, in words, leaving out the
   * dotted keys in {@code ignored}; empty when they agree.
   */
  public Optional<String> difference(RunIdentity now, Set<String> ignored) {
    Optional<String> d = difference(config, now.config, "", ignored);
    if (d.isPresent()) {
      return d;
    }
    if (dataChecksum != null && now.dataChecksum != null && !dataChecksum.equals(now.dataChecksum)) {
      return Optional.of("the data changed (checksum " + dataChecksum + " there, " + now.dataChecksum + " now)");
    }
    return Optional.empty();
  }

  private static Optional<String> difference(JsonNode there, JsonNode now, String path, Set<String> ignored) {
    if (ignored.contains(path) || there.equals(now)) {
      return Optional.empty();
    }
    if (there.isObject() && now.isObject()) {
      // A section's type first: "model.type is sasrec there, pop now" says more than any of its parameters.
      Set<String> keys = new TreeSet<>((x, y) -> x.equals(y) ? 0 : x.equals("type") ? -1 : y.equals("type") ? 1
          : x.compareTo(y));
      there.fieldNames().forEachRemaining(keys::add);
      now.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        Optional<String> d = difference(there.path(k), now.path(k), path.isEmpty() ? k : path + "." + k, ignored);
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    return Optional.of(path + " is " + show(there) + " there, " + show(now) + " now");
  }

  private static String show(JsonNode n) {
    if (n.isMissingNode()) {
      return "not set";
    }
    return n.isTextual() ? n.asText() : n.toString();
  }
}
