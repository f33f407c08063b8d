package org.recsys.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * An experiment config after layering (built-in defaults &lt; config file &lt; {@code --set} overrides), with
 * the origin of every leaf value so that errors can say where a bad value came from.
 *
 * @param tree the merged config
 * @param origins dotted path of each leaf to the source that set it (a file name, {@code defaults} or
 *     {@code --set})
 * @param aliases sections to the name the user wrote them under, when that differs: quickstart binds the
 *     entry {@code models[2]} of its plan as {@code model}, and errors must name {@code models[2]}
 */
public record ResolvedConfig(ObjectNode tree, Map<String, String> origins, Map<String, String> aliases) {
  public ResolvedConfig {
    Objects.requireNonNull(tree, "tree");
    tree = tree.deepCopy();
    origins = Map.copyOf(origins);
    aliases = Map.copyOf(aliases);
  }

  /** A config whose keys are named as they are. */
  public ResolvedConfig(ObjectNode tree, Map<String, String> origins) {
    this(tree, origins, Map.of());
  }

  @Override
  public ObjectNode tree() {
    return tree.deepCopy();
  }

  /** The node at a dotted path, or a missing node. */
  public JsonNode at(String dottedPath) {
    JsonNode node = tree;
    for (String part : dottedPath.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  /** The name under which the user wrote {@code dottedPath}, e.g. {@code models[2].decay} for {@code model.decay}. */
  public String nameOf(String dottedPath) {
    for (Map.Entry<String, String> a : aliases.entrySet()) {
      if (dottedPath.equals(a.getKey())) {
        return a.getValue();
      }
      if (dottedPath.startsWith(a.getKey() + ".")) {
        return a.getValue() + dottedPath.substring(a.getKey().length());
      }
    }
    return dottedPath;
  }

  /**
   * Where the value at {@code dottedPath} (or, for a section, its first leaf that is not a default; for a key
   * that is not set, its nearest section) was set, e.g. {@code configs/sasrec-ml1m.yaml}.
   */
  public String originOf(String dottedPath) {
    String exact = origins.get(dottedPath);
    if (exact != null) {
      return exact;
    }
    String prefix = dottedPath + ".";
    String below = origins.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
        .filter(o -> !o.equals(ConfigLayers.DEFAULTS)).findFirst()
        .orElseGet(() -> origins.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
            .map(Map.Entry::getValue).findFirst().orElse(null));
    if (below != null) {
      return below;
    }
    // An unknown key sets nothing below it; its section (or the list it came from) was set somewhere.
    for (int dot = dottedPath.lastIndexOf('.'); dot > 0; dot = dottedPath.lastIndexOf('.', dot - 1)) {
      String up = dottedPath.substring(0, dot);
      if (origins.containsKey(up)) {
        return origins.get(up);
      }
    }
    return "the config";
  }
}
