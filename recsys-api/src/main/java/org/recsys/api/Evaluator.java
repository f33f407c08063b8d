package org.recsys.api;

import java.util.List;

/** Scores a recommender on held-out cases and reports metrics under one protocol. */
@FunctionalInterface
public interface Evaluator {
  /**
   * Evaluates {@code recommender} on {@code cases}.
   *
   * @throws IllegalArgumentException if {@code cases} is empty or a case does not fit the protocol
   */
  EvaluationReport evaluate(Recommender recommender, List<EvalCase> cases);
}
