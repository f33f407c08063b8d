package org.recsys.eval;

import java.util.List;
import org.recsys.api.ConfigException;
import org.recsys.api.Registry;

/**
 * The evaluation protocols that configs can name, found with {@code ServiceLoader}: the built-in ones and any
 * listed in a jar's {@code META-INF/services/org.recsys.eval.EvaluationProtocol}.
 */
public final class ProtocolRegistry {
  private final Registry<EvaluationProtocol> protocols;

  private ProtocolRegistry(Registry<EvaluationProtocol> protocols) {
    this.protocols = protocols;
  }

  /** The protocols registered on the thread's context class loader. */
  public static ProtocolRegistry installed() {
    return load(Thread.currentThread().getContextClassLoader());
  }

  /** The protocols registered on {@code loader}'s class path. */
  public static ProtocolRegistry load(ClassLoader loader) {
    return new ProtocolRegistry(Registry.load(EvaluationProtocol.class, loader, "evaluation protocol",
        EvaluationProtocol::name));
  }

  /** Exactly these protocols, in this order. */
  public static ProtocolRegistry of(Iterable<? extends EvaluationProtocol> protocols) {
    return new ProtocolRegistry(Registry.of("evaluation protocol", protocols, EvaluationProtocol::name));
  }

  /** The registered names, in registration order. */
  public List<String> names() {
    return protocols.names();
  }

  /** The registered protocols, in registration order. */
  public List<EvaluationProtocol> all() {
    return protocols.all();
  }

  /**
   * The protocol registered as {@code name} (ignoring case).
   *
   * @param key the config key {@code name} came from, named in the error
   * @throws ConfigException naming the key and the registered names when none is registered as {@code name}
   */
  public EvaluationProtocol get(String key, String name) {
    return protocols.find(name).orElseThrow(() -> new ConfigException(key, "unknown protocol '" + name + "'; valid: "
        + names()));
  }
}
