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
 */
public record ResolvedConfig(ObjectNode tree, Map<String, String> origins) {
  public ResolvedConfig {
    Objects.requireNonNull(tree, "tree");
    tree = tree.deepCopy();
    origins = Map.copyOf(origins);
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

  /**
   * Where the value at {@code dottedPath} (or, for a section, its first leaf) was set, e.g.
   * {@code configs/sasrec-ml1m.yaml}.
   */
  public String originOf(String dottedPath) {
    String exact = origins.get(dottedPath);
    if (exact != null) {
      return exact;
    }
    String prefix = dottedPath + ".";
    return origins.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
        .filter(o -> !o.equals(ConfigLayers.DEFAULTS)).findFirst()
        .orElseGet(() -> origins.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
            .map(Map.Entry::getValue).findFirst().orElse("the config"));
  }
}
