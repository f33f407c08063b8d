package org.recsys.attention.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.recsys.api.ConfigException;

/**
 * Binds one component's config mapping (less its {@code type}) to the component's parameter record, failing
 * on unknown keys and on lossy conversions; every error is a {@link ConfigException} naming the full key.
 */
final class ComponentBinder {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private ComponentBinder() {}

  /** The shared mapper (records to trees and back). */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * @param path the mapping's key, e.g. {@code model.encoder.blocks[0]}
   */
  static <P> P bind(ObjectNode node, String path, Class<P> type) {
    ObjectNode params = node.deepCopy();
    params.remove("type");
    try {
      return MAPPER.treeToValue(params, type);
    } catch (UnrecognizedPropertyException e) {
      TreeSet<String> valid = new TreeSet<>();
      e.getKnownPropertyIds().forEach(k -> valid.add(String.valueOf(k)));
      valid.add("type");
      throw new ConfigException(path + "." + e.getPropertyName(), "unknown key '" + path + "." + e.getPropertyName()
          + "'; valid keys: " + valid);
    } catch (ValueInstantiationException e) {
      if (e.getCause() instanceof ConfigException ce) {
        throw new ConfigException(path + "." + ce.key(), ce.getMessage() + " (" + path + "." + ce.key() + ")", ce);
      }
      String msg = e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage();
      throw new ConfigException(path, "invalid '" + path + "': " + msg, e);
    } catch (JsonMappingException e) {
      String rel = e.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      String key = rel.isEmpty() ? path : path + "." + rel;
      throw new ConfigException(key, "invalid value for '" + key + "': " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(path, "invalid '" + path + "': " + e.getOriginalMessage(), e);
    }
  }

  /** {@code params} written back as a mapping with {@code type} first. */
  static ObjectNode unbind(String type, Object params) {
    ObjectNode out = MAPPER.createObjectNode().put("type", type);
    out.setAll((ObjectNode) MAPPER.valueToTree(params));
    return out;
  }
}
