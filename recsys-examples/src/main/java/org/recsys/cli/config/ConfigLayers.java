package org.recsys.cli.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.recsys.api.ConfigException;

/**
 * Layers experiment configs: built-in defaults &lt; a YAML or JSON file &lt; {@code key.path=value} overrides.
 * A file's objects merge into lower layers key by key; any other value (scalars, lists) replaces what a lower
 * layer set. An override replaces the value at its path, a whole section included. An empty file, a key given
 * twice and a key without a value are errors naming the key and its source: each would otherwise mean a
 * default that nobody asked for.
 */
public final class ConfigLayers {
  /** A key segment that picks a list entry, {@code blocks[0]}. */
  private static final Pattern INDEXED = Pattern.compile("([^\\[\\]]+)\\[(\\d+)]");

  /** The origin name of values that come from the built-in defaults. */
  public static final String DEFAULTS = "defaults";
  /** The origin name of values that come from command-line overrides. */
  public static final String OVERRIDES = "--set";
  private static final String DEFAULTS_RESOURCE = "/org/recsys/cli/defaults.yaml";

  // A key given twice is an error, not last-wins: the first value would be ignored without a word.
  private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  private final ObjectNode tree = JsonNodeFactory.instance.objectNode();
  private final Map<String, String> origins = new HashMap<>();

  /** Starts from the built-in defaults. */
  public static ConfigLayers withDefaults() {
    ConfigLayers layers = new ConfigLayers();
    try (InputStream in = ConfigLayers.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("built-in defaults " + DEFAULTS_RESOURCE + " are missing from the jar");
      }
      layers.merge(layers.yaml.readTree(in), DEFAULTS);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in defaults", e);
    }
    return layers;
  }

  /** Starts from nothing (for tests and library use). */
  public static ConfigLayers empty() {
    return new ConfigLayers();
  }

  /**
   * Merges a YAML or JSON file (JSON is YAML) over what is there.
   *
   * @throws ConfigException when the file is missing, unparsable or not a mapping at the top
   */
  public ConfigLayers file(Path file) {
    JsonNode node;
    try {
      node = yaml.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new ConfigException("", "config file not found: " + file);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
      throw new ConfigException(duplicateKey(e), "cannot parse config " + file + where + ": " + describe(e));
    } catch (IOException e) {
      throw new ConfigException("", "cannot read config " + file + ": " + e.getMessage());
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      throw new ConfigException("", "config " + file + " is empty; give at least one key (e.g. model: {type: sasrec})");
    }
    if (!node.isObject()) {
      throw new ConfigException("", "config " + file + " must be a mapping of keys to values at the top level");
    }
    merge(node, file.toString());
    return this;
  }

  /** Merges YAML or JSON text over what is there; {@code origin} names it in error messages. */
  public ConfigLayers text(String yamlText, String origin) {
    JsonNode node;
    try {
      node = yaml.readTree(yamlText);
    } catch (JsonProcessingException e) {
      throw new ConfigException(duplicateKey(e), "cannot parse " + origin + ": " + describe(e));
    }
    if (node != null && node.isObject()) {
      merge(node, origin);
    } else if (node != null && !node.isMissingNode() && !node.isNull()) {
      throw new ConfigException("", origin + " must be a mapping of keys to values at the top level");
    }
    return this;
  }

  /**
   * Applies {@code key.path=value} overrides; values are read as YAML scalars or flow collections
   * ({@code 10}, {@code true}, {@code [1, 5, 10]}, {@code {type: bce}}).
   */
  public ConfigLayers overrides(List<String> assignments) {
    return overrides(assignments, OVERRIDES);
  }

  /**
   * Like {@link #overrides(List)}, with {@code origin} naming where the assignments came from in error
   * messages (e.g. {@code --grid}).
   */
  public ConfigLayers overrides(List<String> assignments, String origin) {
    for (String assignment : assignments) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException(assignment, origin + " expects key.path=value, got '" + assignment + "'");
      }
      String path = assignment.substring(0, eq).trim();
      String raw = assignment.substring(eq + 1);
      if (raw.isBlank()) {
        throw new ConfigException(path, origin + " " + path + "= has no value; give one, or leave the key out for"
            + " its default");
      }
      JsonNode value;
      try {
        value = yaml.readTree(raw);
      } catch (JsonProcessingException e) {
        throw new ConfigException(path, origin + " " + path + ": cannot parse value '" + raw + "': " + describe(e));
      }
      if (value == null || value.isMissingNode()) {
        value = JsonNodeFactory.instance.textNode(raw);
      }
      requireValues(value, path, origin);
      String[] parts = path.split("\\.");
      ObjectNode parent = tree;
      StringBuilder at = new StringBuilder();
      for (int i = 0; i < parts.length - 1; i++) {
        if (parts[i].isEmpty()) {
          throw new ConfigException(path, origin + ": empty key segment in '" + path + "'");
        }
        at.append(at.length() == 0 ? "" : ".").append(parts[i]);
        Matcher indexed = INDEXED.matcher(parts[i]);
        JsonNode child;
        if (indexed.matches()) {
          child = element(parent, indexed, at.toString(), path, origin);
          if (!child.isObject()) {
            throw new ConfigException(path, origin + " " + path + ": " + at + " is not a mapping, so it has no keys");
          }
        } else {
          child = parent.get(parts[i]);
          if (child == null || !child.isObject()) {
            child = parent.putObject(parts[i]);
          }
        }
        parent = (ObjectNode) child;
      }
      String leaf = parts[parts.length - 1];
      // A --set value replaces what was there, sections included: --set 'model={type: markov}' must not keep
      // the file's SASRec keys. Dotted keys change single values, and their sections keep the origins of their
      // other keys.
      forgetOrigins(path);
      Matcher indexedLeaf = INDEXED.matcher(leaf);
      if (indexedLeaf.matches()) {
        at.append(at.length() == 0 ? "" : ".").append(leaf);
        element(parent, indexedLeaf, at.toString(), path, origin);
        ((ArrayNode) parent.get(indexedLeaf.group(1))).set(Integer.parseInt(indexedLeaf.group(2)), value.deepCopy());
      } else {
        parent.set(leaf, value.deepCopy());
      }
      recordOrigins(value, path, origin);
    }
    return this;
  }

  /**
   * The entry {@code name[index]} of {@code parent}: the list must already be in the config (a list entry cannot be
   * made up), and the index within it.
   */
  private static JsonNode element(ObjectNode parent, Matcher indexed, String at, String path, String origin) {
    String name = indexed.group(1);
    JsonNode list = parent.get(name);
    String listPath = at.substring(0, at.length() - indexed.group(0).length()) + name;
    if (list == null || !list.isArray()) {
      throw new ConfigException(path, origin + " " + path + ": " + listPath + " is not a list in the config so far;"
          + " set the whole list instead, e.g. --set '" + listPath + "=[...]'");
    }
    int index = Integer.parseInt(indexed.group(2));
    if (index >= list.size()) {
      throw new ConfigException(path, origin + " " + path + ": " + listPath + " has " + list.size() + " entr"
          + (list.size() == 1 ? "y" : "ies") + " (indices 0 to " + (list.size() - 1) + ")");
    }
    return list.get(index);
  }

  /** The layered result. */
  public ResolvedConfig resolve() {
    return new ResolvedConfig(tree, origins);
  }

  private void merge(JsonNode node, String origin) {
    requireValues(node, "", origin);
    mergeInto(tree, node, "", origin);
  }

  /** Refuses null leaves ({@code epochs:} with nothing after it, {@code ~}), which would bind as the default. */
  private static void requireValues(JsonNode node, String path, String origin) {
    if (node.isNull()) {
      throw new ConfigException(path, "'" + path + "' in " + origin + " has no value; give one, or leave the key out"
          + " for its default");
    }
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> requireValues(f.getValue(), path.isEmpty() ? f.getKey()
          : path + "." + f.getKey(), origin));
    }
  }

  /** The dotted path of a key given twice, or "" for other parse errors. */
  private static String duplicateKey(JsonProcessingException e) {
    if (e.getProcessor() instanceof JsonParser p && e.getOriginalMessage().startsWith("Duplicate field")) {
      String parent = pathOf(p.getParsingContext().getParent());
      String leaf = p.getParsingContext().getCurrentName();
      return parent.isEmpty() ? leaf : parent + "." + leaf;
    }
    return "";
  }

  private static String pathOf(JsonStreamContext c) {
    StringBuilder sb = new StringBuilder();
    for (JsonStreamContext x = c; x != null; x = x.getParent()) {
      if (x.inObject() && x.getCurrentName() != null) {
        sb.insert(0, sb.length() == 0 ? x.getCurrentName() : x.getCurrentName() + ".");
      }
    }
    return sb.toString();
  }

  private static String describe(JsonProcessingException e) {
    String key = duplicateKey(e);
    return key.isEmpty() ? e.getOriginalMessage() : "key '" + key + "' is given twice (the first value would be"
        + " ignored)";
  }

  private void mergeInto(ObjectNode target, JsonNode source, String prefix, String origin) {
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String path = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
      JsonNode existing = target.get(f.getKey());
      if (existing != null && existing.isObject() && f.getValue().isObject()) {
        mergeInto((ObjectNode) existing, f.getValue(), path, origin);
      } else {
        forgetOrigins(path);
        target.set(f.getKey(), f.getValue().deepCopy());
        recordOrigins(f.getValue(), path, origin);
      }
    }
  }

  private void recordOrigins(JsonNode value, String path, String origin) {
    if (value.isObject() && value.size() > 0) {
      value.fields().forEachRemaining(f -> recordOrigins(f.getValue(), path + "." + f.getKey(), origin));
    } else {
      origins.put(path, origin);
    }
  }

  private void forgetOrigins(String path) {
    origins.keySet().removeIf(k -> k.equals(path) || k.startsWith(path + "."));
  }
}
