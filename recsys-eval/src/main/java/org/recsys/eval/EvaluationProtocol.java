package org.recsys.eval;

import org.recsys.api.Evaluator;

/**
 * An evaluation protocol, named in configs by {@code evaluation.protocol}: builds the {@link Evaluator} that
 * ranks held-out cases and reports metrics. Protocols are plug-ins: list an implementation in
 * {@code META-INF/services/org.recsys.eval.EvaluationProtocol} and {@link ProtocolRegistry} finds it by name, as
 * it finds the built-in {@code full} and {@code sampled}.
 */
public interface EvaluationProtocol {
  /** The name used in configs (matched ignoring case), e.g. {@code full}. Unique among the registered protocols. */
  String name();

  /**
   * True when every case must carry a candidate set ({@link org.recsys.api.EvalCase#candidates()}). The protocol
   * does not draw them: whoever prepares the cases does (the command line draws and freezes sampled candidates).
   */
  default boolean needsCandidates() {
    return false;
  }

  /** True when the protocol takes {@code excludeSeen}, leaving each user's history out of the ranking. */
  default boolean canExcludeSeen() {
    return false;
  }

  /**
   * The evaluator for {@code settings}.
   *
   * @param excludeSeen whether to leave the history out of the ranking; always false unless
   *     {@link #canExcludeSeen()}
   * @throws org.recsys.api.ConfigException when the settings do not fit the protocol
   */
  Evaluator evaluator(EvalSettings settings, boolean excludeSeen);
}
