package org.recsys.cli.wiring;

import java.util.Map;
import org.recsys.api.Evaluator;
import org.recsys.eval.EvaluationConfig;
import org.recsys.eval.EvaluationProtocol;
import org.recsys.eval.ItemPopularity;
import org.recsys.eval.MetricRegistry;
import org.recsys.eval.MetricSuite;
import org.recsys.eval.ProtocolRegistry;

/**
 * The {@code evaluation} section with its names resolved: the protocol and the metrics it names.
 *
 * @param config the bound section
 * @param protocol the protocol registered under {@code config.protocol()}
 * @param metrics the metrics named by {@code config.metrics()} at {@code config.ks()}
 */
public record ConfiguredEvaluation(EvaluationConfig config, EvaluationProtocol protocol, MetricSuite metrics) {
  /** Resolves {@code config}'s names in the given registries. */
  public static ConfiguredEvaluation of(EvaluationConfig config, ProtocolRegistry protocols,
      MetricRegistry metrics) {
    return new ConfiguredEvaluation(config, protocols.get(EvaluationConfig.PROTOCOL_KEY, config.protocol()),
        config.suite(metrics));
  }

  /** True when the cases need candidate sets, which the runner draws and freezes. */
  public boolean needsCandidates() {
    return protocol.needsCandidates();
  }

  /**
   * The test evaluator.
   *
   * @param seed the run's seed, which seeds the bootstrap
   * @param protocolExtras entries stamped on every report, e.g. the split's
   * @param popularity training popularity of the items
   */
  public Evaluator evaluator(long seed, Map<String, String> protocolExtras, ItemPopularity popularity) {
    return config.evaluator(protocol, config.settings(metrics, seed, protocolExtras, popularity));
  }

  /** Like {@link #evaluator}, without intervals: model selection needs means only. */
  public Evaluator validator(long seed, Map<String, String> protocolExtras, ItemPopularity popularity) {
    return config.evaluator(protocol,
        config.settings(metrics, seed, protocolExtras, popularity).withBootstrap(0, seed));
  }
}
