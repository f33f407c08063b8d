package org.recsys.attention.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A preset's flat keys from {@code "key", value} pairs, bound as the CLI binds a config's {@code model} map. */
public final class PresetParams {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PresetParams() {}

  /** The keys given; omitted keys stay unset and take the preset's defaults. */
  public static <P> P of(Class<P> type, Object... keysAndValues) {
    return with(JSON.createObjectNode(), type, keysAndValues);
  }

  /** {@code base} with the given keys replaced ({@code null} values unset them). */
  @SuppressWarnings("unchecked")
  public static <P> P with(P base, Object... keysAndValues) {
    return with((ObjectNode) JSON.valueToTree(base), (Class<P>) base.getClass(), keysAndValues);
  }

  private static <P> P with(ObjectNode node, Class<P> type, Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    for (int i = 0; i < keysAndValues.length; i += 2) {
      node.set((String) keysAndValues[i], JSON.valueToTree(keysAndValues[i + 1]));
    }
    try {
      return JSON.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }
}
