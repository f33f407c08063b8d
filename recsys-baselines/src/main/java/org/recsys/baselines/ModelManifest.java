package org.recsys.baselines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.recsys.api.AtomicFiles;

/**
 * The {@value #FILE_NAME} file of a saved baseline: which model type wrote the directory, the format version,
 * the model's parameters as JSON and free-form facts about the trained model (sizes, provenance).
 *
 * @param type the component name the model is registered under, e.g. {@code markov}
 * @param format the version of the directory layout
 * @param params the parameter record, as JSON
 * @param info facts about the trained model, in insertion order
 */
public record ModelManifest(String type, int format, JsonNode params, Map<String, String> info) {
  /** The file name inside a model directory. */
  public static final String FILE_NAME = "model.json";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ModelManifest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(params, "params");
    info = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(info));
  }

  /** A manifest holding {@code params} serialised with Jackson. */
  public static ModelManifest of(String type, int format, Object params, Map<String, String> info) {
    return new ModelManifest(type, format, MAPPER.valueToTree(params), info);
  }

  /** {@code params} as compact JSON, e.g. for provenance records. */
  public static String json(Object params) {
    try {
      return MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(params);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + params + " as JSON", e);
    }
  }

  /** Writes {@value #FILE_NAME} into {@code dir} atomically. */
  public void write(Path dir) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("type", type);
    root.put("format", format);
    root.set("params", params);
    root.set("info", MAPPER.valueToTree(info));
    byte[] bytes = MAPPER.writeValueAsBytes(root);
    AtomicFiles.write(dir.resolve(FILE_NAME), out -> out.write(bytes));
  }

  /**
   * Reads the manifest of {@code dir} and checks that it was written by a model of {@code expectedType} in
   * format {@code expectedFormat}.
   *
   * @throws IOException naming the file when it is missing, malformed, of another type or format
   */
  public static ModelManifest read(Path dir, String expectedType, int expectedFormat) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "model manifest is missing: is " + dir
          + " a saved '" + expectedType + "' model?");
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IOException(file + ": expected a JSON object");
    }
    String type = root.path("type").asText(null);
    if (!expectedType.equals(type)) {
      throw new IOException(file + ": the model in " + dir + " has type '" + type + "', expected '" + expectedType
          + "'");
    }
    JsonNode format = root.get("format");
    if (format == null || !format.canConvertToInt() || format.asInt() != expectedFormat) {
      throw new IOException(file + ": unsupported format " + format + " (this version reads format "
          + expectedFormat + ")");
    }
    JsonNode params = root.get("params");
    if (params == null || !params.isObject()) {
      throw new IOException(file + ": missing object 'params'");
    }
    Map<String, String> info = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.path("info").properties()) {
      info.put(e.getKey(), e.getValue().asText());
    }
    return new ModelManifest(type, format.asInt(), params, info);
  }

  /**
   * The parameters bound to {@code type} (unknown keys fail).
   *
   * @throws IOException naming {@code dir}'s manifest when the parameters do not bind or are invalid
   */
  public <P> P params(Class<P> paramsType, Path dir) throws IOException {
    try {
      return MAPPER.treeToValue(params, paramsType);
    } catch (JsonProcessingException e) {
      throw new IOException(dir.resolve(FILE_NAME) + ": bad 'params': " + e.getOriginalMessage(), e);
    } catch (IllegalArgumentException e) {
      // Jackson wraps a validating record constructor's ConfigException.
      throw new IOException(dir.resolve(FILE_NAME) + ": bad 'params': " + e.getMessage(), e);
    }
  }

  /** An info value that must be present. */
  public String require(String key, Path dir) throws IOException {
    String v = info.get(key);
    if (v == null) {
      throw new IOException(dir.resolve(FILE_NAME) + ": missing info '" + key + "'");
    }
    return v;
  }
}
