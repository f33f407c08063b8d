package org.recsys.cli.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.recsys.api.ConfigException;

/**
 * Binds a config section to a parameter record with Jackson, failing on unknown keys. Every failure is a
 * {@link ConfigException} that names the dotted key, where it was set, and the valid keys.
 */
public final class ConfigBinder {
  private final ObjectMapper mapper = strict(new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      // hiddenSize: 32.7 would silently be 32.
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT));

  /** An empty string is not "use the default" for any key. */
  private static ObjectMapper strict(ObjectMapper m) {
    m.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    return m;
  }

  /**
   * Binds {@code section} of {@code config} (a dotted path; its {@code type} key, if any, is left out) to
   * {@code type}. A missing section binds as an empty one, so the record's defaults apply.
   */
  public <P> P bind(ResolvedConfig config, String section, Class<P> type) {
    return bind(config, section, type, java.util.Set.of());
  }

  /**
   * Like {@link #bind(ResolvedConfig, String, Class)}, leaving out the keys in {@code subsections}, which
   * another record binds.
   */
  public <P> P bind(ResolvedConfig config, String section, Class<P> type, java.util.Set<String> subsections) {
    JsonNode node = config.at(section);
    com.fasterxml.jackson.databind.node.ObjectNode params = node.isObject()
        ? ((com.fasterxml.jackson.databind.node.ObjectNode) node).deepCopy()
        : mapper.createObjectNode();
    if (!node.isMissingNode() && !node.isObject() && !node.isNull()) {
      throw new ConfigException(config.nameOf(section), "'" + config.nameOf(section) + "' in "
          + config.originOf(section) + " must be a mapping, got " + node.getNodeType().toString().toLowerCase());
    }
    boolean typed = params.remove("type") != null;
    subsections.forEach(params::remove);
    try {
      return mapper.treeToValue(params, type);
    } catch (UnrecognizedPropertyException e) {
      // The path, not only the property: an unknown key in data.split is data.split.foo, not data.foo.
      String key = pathOf(section, e);
      throw new ConfigException(config.nameOf(key), "unknown key '" + config.nameOf(key) + "' in "
          + config.originOf(key) + "; valid keys: " + validKeys(e.getKnownPropertyIds(), typed));
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConfigException ce) {
        String key = ce.key().startsWith(section) ? ce.key() : section + "." + ce.key();
        throw new ConfigException(config.nameOf(key), ce.getMessage() + " (" + config.nameOf(key) + " in "
            + config.originOf(key) + ")", ce);
      }
      String msg = cause == null ? e.getOriginalMessage() : cause.getMessage();
      throw new ConfigException(config.nameOf(section), "invalid '" + config.nameOf(section) + "' in "
          + config.originOf(section) + ": " + msg, e);
    } catch (MismatchedInputException e) {
      String key = pathOf(section, e);
      throw new ConfigException(config.nameOf(key), "invalid value for '" + config.nameOf(key) + "' in "
          + config.originOf(key) + ": " + mismatch(e, config.at(key)));
    } catch (JsonMappingException e) {
      String key = pathOf(section, e);
      throw new ConfigException(config.nameOf(key), "invalid '" + config.nameOf(key) + "' in "
          + config.originOf(key) + ": " + e.getOriginalMessage(), e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ConfigException(config.nameOf(section), "invalid '" + config.nameOf(section) + "': "
          + e.getOriginalMessage(), e);
    }
  }

  /** Says what was expected in words, for the lossy conversions Jackson is told to refuse. */
  private static String mismatch(MismatchedInputException e, JsonNode value) {
    Class<?> target = e.getTargetType();
    boolean integral = target == int.class || target == Integer.class || target == long.class || target == Long.class
        || target == short.class || target == Short.class;
    if (value.isTextual() && value.asText().isEmpty()) {
      return "the value is empty; give one, or leave the key out for its default";
    }
    if (integral && (value.isNumber() || value.isTextual())) {
      return "expected an integer, got " + (value.isTextual() ? "'" + value.asText() + "'" : value.toString());
    }
    return e.getOriginalMessage();
  }

  private static String pathOf(String section, JsonMappingException e) {
    String rel = e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    return rel.isEmpty() ? section : section + "." + rel;
  }

  private static String validKeys(Collection<Object> known, boolean typed) {
    TreeSet<String> names = new TreeSet<>();
    if (known != null) {
      known.forEach(k -> names.add(String.valueOf(k)));
    }
    if (typed) {
      names.add("type");
    }
    return names.toString();
  }
}
