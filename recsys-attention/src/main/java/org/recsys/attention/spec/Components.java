package org.recsys.attention.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.recsys.api.ConfigException;
import org.recsys.attention.objective.Objective;

/**
 * The registered component types of sequential models, by kind and name: encoder blocks, heads, losses and
 * objectives. Each kind is a Guice {@code MapBinder}; modules are found with {@link ServiceLoader}, so a jar
 * on the class path adds components with no change here.
 */
public final class Components {
  private final Map<String, BlockType<?>> blocks;
  private final Map<String, HeadType<?>> heads;
  private final Map<String, LossType<?>> losses;
  private final Map<String, ObjectiveType<?>> objectives;

  @Inject
  public Components(Map<String, BlockType<?>> blocks, Map<String, HeadType<?>> heads, Map<String, LossType<?>> losses,
      Map<String, ObjectiveType<?>> objectives) {
    this.blocks = new TreeMap<>(blocks);
    this.heads = new TreeMap<>(heads);
    this.losses = new TreeMap<>(losses);
    this.objectives = new TreeMap<>(objectives);
  }

  /** The components of every Guice module on the class path of {@code loader} (for use without the CLI). */
  public static Components discover(ClassLoader loader) {
    List<Module> modules = new ArrayList<>();
    ServiceLoader.load(Module.class, loader).forEach(modules::add);
    return Guice.createInjector(modules).getInstance(Components.class);
  }

  /**
   * Finds and binds every component of {@code spec} and tries the composition on a small catalogue, so that a
   * bad key, an unknown type or an impossible combination fails here, naming the key.
   */
  public Blueprint resolve(SequentialSpec spec) {
    List<Blueprint.Component<BlockType<?>>> boundBlocks = new ArrayList<>();
    List<ObjectNode> expanded = spec.encoder().expandedBlocks();
    int listed = spec.encoder().blocks().size();
    for (int i = 0; i < expanded.size(); i++) {
      boundBlocks.add(component("block", blocks, expanded.get(i), "model.encoder.blocks[" + (i % listed) + "]"));
    }
    Blueprint.Component<HeadType<?>> head = component("head", heads, spec.head(), "model.head");
    Blueprint.Component<LossType<?>> loss = component("loss", losses, spec.loss(), "model.loss");
    ObjectNode objectiveNode = spec.objective().isObject() ? (ObjectNode) spec.objective()
        : SequentialSpec.typed(spec.objective().asText());
    Blueprint.Component<ObjectiveType<?>> objective = component("objective", objectives, objectiveNode,
        "model.objective");
    List<ObjectNode> canonicalBlocks = new ArrayList<>();
    for (int i = 0; i < listed; i++) {
      canonicalBlocks.add(ComponentBinder.unbind(boundBlocks.get(i).type(), boundBlocks.get(i).parameters()));
    }
    EncoderSpec e = spec.encoder();
    SequentialSpec canonical = new SequentialSpec(spec.name(), spec.backend(), spec.maxLen(),
        new EncoderSpec(e.embedding(), canonicalBlocks, e.repeat(), e.finalNorm(), e.eps(), e.init()),
        ComponentBinder.unbind(head.type(), head.parameters()), ComponentBinder.unbind(loss.type(), loss.parameters()),
        ComponentBinder.unbind(objective.type(), objective.parameters()), spec.training());
    Blueprint blueprint = new Blueprint(canonical, boundBlocks, head, loss, create(objective.kind(),
        objective.parameters()));
    // Fails on impossible compositions, and on components the backend cannot build, before any data is read.
    List<String> blockKeys = new ArrayList<>();
    for (int i = 0; i < boundBlocks.size(); i++) {
      blockKeys.add("model.encoder.blocks[" + (i % listed) + "] (type " + boundBlocks.get(i).type() + ")");
    }
    canonical.backendKind().requireSupported(blueprint.architecture(3), blockKeys);
    return blueprint;
  }

  private static <T> Blueprint.Component<T> component(String kind, Map<String, T> registry, ObjectNode node,
      String path) {
    String type = node.path("type").asText("");
    T t = registry.get(type);
    if (t == null) {
      throw new ConfigException(path + ".type", "unknown " + kind + " type '" + type + "' at " + path + ".type"
          + "; valid types: " + registry.keySet());
    }
    return new Blueprint.Component<>(type, t, ComponentBinder.bind(node, path, parametersType(t)));
  }

  private static Class<?> parametersType(Object kind) {
    if (kind instanceof BlockType<?> b) {
      return b.parametersType();
    }
    if (kind instanceof HeadType<?> h) {
      return h.parametersType();
    }
    if (kind instanceof LossType<?> l) {
      return l.parametersType();
    }
    return ((ObjectiveType<?>) kind).parametersType();
  }

  @SuppressWarnings("unchecked")
  private static <P> Objective create(ObjectiveType<P> type, Object params) {
    return type.create((P) params);
  }

  /** The registered names of each kind, for help texts. */
  public Map<String, List<String>> names() {
    return Map.of("blocks", List.copyOf(blocks.keySet()), "heads", List.copyOf(heads.keySet()), "losses",
        List.copyOf(losses.keySet()), "objectives", List.copyOf(objectives.keySet()));
  }
}
