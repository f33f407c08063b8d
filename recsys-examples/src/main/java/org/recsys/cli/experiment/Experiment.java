package org.recsys.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;
import org.recsys.api.ConfigException;
import org.recsys.cli.config.ConfigBinder;
import org.recsys.cli.config.ResolvedConfig;
import org.recsys.cli.wiring.ConfiguredEvaluation;
import org.recsys.cli.wiring.ConfiguredModel;
import org.recsys.cli.wiring.ModelRegistry;
import org.recsys.cli.wiring.Registries;
import org.recsys.data.DataConfig;
import org.recsys.data.io.DataFormat;
import org.recsys.eval.EvaluationConfig;

/**
 * A fully bound experiment config: every section parsed into its record and every name resolved in the
 * registries, so that any mistake surfaces before data is read or a model trained.
 *
 * @param seed the seed of every random choice in the run
 * @param data where the data comes from, preprocessing and split
 * @param dataFormat the format {@code data.path} is read with; null for synthetic data
 * @param model the model kind and its parameters
 * @param evaluation protocol, metrics and cutoffs
 * @param candidates how candidates are drawn for protocols that need them (such as sampled)
 * @param config the resolved config these were bound from
 */
public record Experiment(long seed, DataConfig data, DataFormat dataFormat, ConfiguredModel model,
    ConfiguredEvaluation evaluation, CandidatesConfig candidates, ResolvedConfig config) {
  private static final Set<String> TOP_LEVEL = Set.of("seed", "data", "model", "evaluation");

  /**
   * The config with every bound section written back from its record, so that defaults show and a re-run
   * of the written file binds to the same values.
   */
  public ObjectNode resolvedTree(ObjectMapper mapper) {
    ObjectNode tree = mapper.createObjectNode();
    tree.put("seed", seed);
    tree.set("data", mapper.valueToTree(data));
    ObjectNode m = tree.putObject("model");
    m.put("type", model.type());
    m.setAll((ObjectNode) mapper.valueToTree(model.parameters()));
    ObjectNode e = mapper.valueToTree(evaluation.config());
    e.set("candidates", mapper.valueToTree(candidates));
    tree.set("evaluation", e);
    return tree;
  }

  /**
   * Binds every section of {@code config} with {@code models} and the library plug-ins on the class path
   * ({@link Registries#withInstalledPlugins}).
   */
  public static Experiment bind(ResolvedConfig config, ModelRegistry models) {
    return bind(config, Registries.withInstalledPlugins(models));
  }

  /**
   * Binds every section of {@code config} and resolves its names in {@code registries}, failing on the first
   * unknown key, name or invalid value.
   */
  public static Experiment bind(ResolvedConfig config, Registries registries) {
    ConfigBinder binder = new ConfigBinder();
    config.tree().fieldNames().forEachRemaining(name -> {
      if (!TOP_LEVEL.contains(name)) {
        throw new ConfigException(name, "unknown key '" + name + "' in " + config.originOf(name) + "; valid keys: "
            + new TreeSet<>(TOP_LEVEL));
      }
    });
    JsonNode seedNode = config.at("seed");
    // canConvertToLong alone accepts 1.5 and would truncate it.
    if (!seedNode.isMissingNode() && !(seedNode.isIntegralNumber() && seedNode.canConvertToLong())) {
      throw new ConfigException("seed", "seed must be an integer, got '" + seedNode.asText() + "' in "
          + config.originOf("seed"));
    }
    long seed = seedNode.isMissingNode() ? 42L : seedNode.asLong();
    DataConfig data = binder.bind(config, "data", DataConfig.class);
    DataFormat dataFormat = data.usesSynthetic() ? null : data.resolvedFormat(registries.formats());
    ConfiguredModel model = registries.models().configure(config, "model");
    EvaluationConfig evaluation = binder.bind(config, "evaluation", EvaluationConfig.class, Set.of("candidates"));
    CandidatesConfig candidates = binder.bind(config, "evaluation.candidates", CandidatesConfig.class);
    return new Experiment(seed, data, dataFormat, model,
        ConfiguredEvaluation.of(evaluation, registries.protocols(), registries.metrics()), candidates, config);
  }
}
