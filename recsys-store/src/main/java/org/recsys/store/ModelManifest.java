package org.recsys.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@value #FILE_NAME} of every saved model, whatever its kind: one schema that {@code recommend},
 * {@code evaluate} and {@link org.recsys.api.ModelFactory#load} read.
 *
 * <pre>{@code
 * {
 *   "manifest" : 1,                  // version of this schema
 *   "type" : "sequential",           // the ModelFactory that loads the directory
 *   "name" : "sasrec",               // what runs and reports call the model
 *   "format" : 2,                    // version of the type's own files
 *   "items" : 3416,                  // size of the item vocabulary (items.vocab)
 *   "backend" : "native",            // compute backend that trained it; absent for models without one
 *   "recsysVersion" : "0.1.0",       // the recsys that wrote the directory
 *   "params" : { ... },              // the type's parameters (for sequential models the canonical spec)
 *   "info" : { ... }                 // facts about the trained model: sizes, seed, epochs, versions
 * }
 * }</pre>
 *
 * @param type the model type the directory was written by, e.g. {@code markov}
 * @param name the model's display name (the preset for composed models; the type otherwise)
 * @param format the version of the type's own files
 * @param items the number of items the model scores
 * @param backend the compute backend that trained the model, or {@code null} when the model has no choice of one
 * @param recsysVersion the recsys version that wrote the directory
 * @param params the type's parameter record, as JSON
 * @param info facts about the trained model, in insertion order (values: strings, numbers, booleans, lists, maps)
 */
public record ModelManifest(String type, String name, int format, int items, String backend, String recsysVersion,
    JsonNode params, Map<String, Object> info) {
  /** The file name inside a model directory. */
  public static final String FILE_NAME = "model.json";
  /** The version of this schema, written as {@code "manifest"}. */
  public static final int SCHEMA = 1;

  private static final Set<String> KNOWN_FIELDS = Set.of("manifest", "type", "name", "format", "items", "backend",
      "recsysVersion", "params", "info");

  static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ModelManifest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(recsysVersion, "recsysVersion");
    Objects.requireNonNull(params, "params");
    if (type.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("type and name must not be blank");
    }
    if (items < 1) {
      throw new IllegalArgumentException("items must be >= 1, got " + items);
    }
    if (!params.isObject()) {
      throw new IllegalArgumentException("params must be a JSON object, got " + params.getNodeType());
    }
    info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
  }

  /**
   * A manifest written by this recsys version, {@code params} serialised with Jackson.
   *
   * @param backend the compute backend, or {@code null}
   */
  public static ModelManifest of(String type, String name, int format, int items, String backend, Object params,
      Map<String, ?> info) {
    return new ModelManifest(type, name, format, items, backend, RecsysVersion.current(), JSON.valueToTree(params),
        new LinkedHashMap<>(info));
  }

  /**
   * Checks that the directory was written by a model of {@code expectedType} in {@code expectedFormat}.
   *
   * @param dir the model directory, for the message
   * @return this manifest
   * @throws IOException naming the manifest file when the type or format differs
   */
  public ModelManifest expect(String expectedType, int expectedFormat, Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    if (!expectedType.equals(type)) {
      throw new IOException(file + ": the model in " + dir + " has type '" + type + "', expected '" + expectedType
          + "'");
    }
    if (format != expectedFormat) {
      throw new IOException(file + ": '" + type + "' format " + format + " is not supported (this version reads "
          + "format " + expectedFormat + "; the directory was written by recsys " + recsysVersion + ")");
    }
    return this;
  }

  /**
   * Checks the manifest's item count against the vocabulary the model loaded.
   *
   * @throws IOException naming the manifest file when they differ
   */
  public void checkItems(int vocabularySize, Path dir) throws IOException {
    if (items != vocabularySize) {
      throw new IOException(dir.resolve(FILE_NAME) + ": says " + items + " items, but the vocabulary in " + dir
          + " holds " + vocabularySize);
    }
  }

  /**
   * The parameters bound to {@code paramsType}; unknown keys fail.
   *
   * @param dir the model directory, for the message
   * @throws IOException naming the manifest file when the parameters do not bind or are invalid
   */
  public <P> P params(Class<P> paramsType, Path dir) throws IOException {
    try {
      return JSON.treeToValue(params, paramsType);
    } catch (JsonProcessingException e) {
      throw new IOException(dir.resolve(FILE_NAME) + ": bad 'params': " + e.getOriginalMessage(), e);
    } catch (IllegalArgumentException e) {
      // Jackson wraps a validating record constructor's exception.
      throw new IOException(dir.resolve(FILE_NAME) + ": bad 'params': " + e.getMessage(), e);
    }
  }

  /**
   * An info value that must be present, as text.
   *
   * @throws IOException naming the manifest file when it is absent
   */
  public String requireInfo(String key, Path dir) throws IOException {
    Object v = info.get(key);
    if (v == null) {
      throw new IOException(dir.resolve(FILE_NAME) + ": missing info '" + key + "'");
    }
    return v.toString();
  }

  /** {@code params} as compact JSON, e.g. for provenance records. */
  public static String compactJson(Object params) {
    try {
      return JSON.copy().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(params);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + params + " as JSON", e);
    }
  }

  byte[] toJson() throws JsonProcessingException {
    ObjectNode root = JSON.createObjectNode();
    root.put("manifest", SCHEMA);
    root.put("type", type);
    root.put("name", name);
    root.put("format", format);
    root.put("items", items);
    if (backend != null) {
      root.put("backend", backend);
    }
    root.put("recsysVersion", recsysVersion);
    root.set("params", params);
    root.set("info", JSON.valueToTree(info));
    return JSON.writeValueAsBytes(root);
  }

  static ModelManifest fromJson(JsonNode root, Path file) throws IOException {
    if (root == null || !root.isObject()) {
      throw new IOException(file + ": expected a JSON object");
    }
    JsonNode schema = root.get("manifest");
    if (schema == null) {
      throw new IOException(file + ": no 'manifest' field: the model was saved by an older recsys, before the one "
          + "manifest schema; train it again with this version");
    }
    if (!schema.canConvertToExactIntegral() || schema.asInt() != SCHEMA) {
      throw new IOException(file + ": manifest schema " + schema + " is not supported (this version reads "
          + SCHEMA + ")");
    }
    for (var it = root.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!KNOWN_FIELDS.contains(field)) {
        throw new IOException(file + ": unknown field '" + field + "'");
      }
    }
    String type = text(root, "type", file, true);
    String name = text(root, "name", file, true);
    int format = integer(root, "format", file, 1);
    int items = integer(root, "items", file, 1);
    String backend = text(root, "backend", file, false);
    String version = text(root, "recsysVersion", file, true);
    JsonNode params = root.get("params");
    if (params == null || !params.isObject()) {
      throw new IOException(file + ": 'params' must be an object");
    }
    JsonNode info = root.get("info");
    Map<String, Object> infoMap = new LinkedHashMap<>();
    if (info != null && !info.isNull()) {
      if (!info.isObject()) {
        throw new IOException(file + ": 'info' must be an object");
      }
      infoMap = JSON.convertValue(info, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
          Object.class));
    }
    return new ModelManifest(type, name, format, items, backend, version, params, infoMap);
  }

  private static String text(JsonNode root, String field, Path file, boolean required) throws IOException {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new IOException(file + ": missing '" + field + "'");
      }
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new IOException(file + ": '" + field + "' must be a non-empty string, got " + v);
    }
    return v.asText();
  }

  private static int integer(JsonNode root, String field, Path file, int min) throws IOException {
    JsonNode v = root.get(field);
    if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToInt() || v.asInt() < min) {
      throw new IOException(file + ": '" + field + "' must be an integer >= " + min + ", got "
          + (v == null ? "nothing" : v.toString()));
    }
    return v.asInt();
  }
}
