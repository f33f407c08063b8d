package org.recsys.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The plug-ins of one kind (metrics, data formats, ...), each under its own name, in registration order.
 *
 * <p>Plug-ins register with {@link ServiceLoader}: a jar lists its implementation classes, one per line, in
 * {@code META-INF/services/<the plug-in interface's name>}, and {@link #load} finds them. The built-in plug-ins
 * register the same way, so nothing tells them apart from a third party's. Names are unique ignoring case and are
 * looked up ignoring case.
 *
 * @param <T> the plug-in interface
 */
public final class Registry<T> {
  private final String kind;
  private final Map<String, T> byKey;
  private final List<String> names;

  private Registry(String kind, Map<String, T> byKey, List<String> names) {
    this.kind = kind;
    this.byKey = byKey;
    this.names = names;
  }

  /**
   * The given plug-ins, in order.
   *
   * @param kind what the plug-ins are, for messages, e.g. {@code data format}
   * @param nameOf each plug-in's name
   * @throws IllegalStateException when a name is blank or two plug-ins share one (ignoring case)
   */
  public static <T> Registry<T> of(String kind, Iterable<? extends T> plugins, Function<? super T, String> nameOf) {
    Map<String, T> byKey = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (T plugin : plugins) {
      String name = nameOf.apply(Objects.requireNonNull(plugin, "plugin"));
      if (name == null || name.isBlank()) {
        throw new IllegalStateException(kind + " " + plugin.getClass().getName() + " has no name");
      }
      T previous = byKey.putIfAbsent(key(name), plugin);
      if (previous != null) {
        throw new IllegalStateException(kind + " '" + name + "' is registered twice: by "
            + previous.getClass().getName() + " and by " + plugin.getClass().getName());
      }
      names.add(name);
    }
    return new Registry<>(kind, byKey, Collections.unmodifiableList(names));
  }

  /**
   * The implementations of {@code type} that {@link ServiceLoader} finds through {@code loader}.
   *
   * @throws IllegalStateException as {@link #of} does
   * @throws java.util.ServiceConfigurationError when a listed class cannot be loaded or instantiated
   */
  public static <T> Registry<T> load(Class<T> type, ClassLoader loader, String kind,
      Function<? super T, String> nameOf) {
    return of(kind, ServiceLoader.load(type, loader), nameOf);
  }

  /** The plug-in registered as {@code name} (ignoring case and surrounding blanks), if any. */
  public Optional<T> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(name)));
  }

  /** The registered names, in registration order. */
  public List<String> names() {
    return names;
  }

  /** The registered plug-ins, in registration order. */
  public List<T> all() {
    return List.copyOf(byKey.values());
  }

  /** What the plug-ins are, e.g. {@code data format}. */
  public String kind() {
    return kind;
  }

  private static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}
