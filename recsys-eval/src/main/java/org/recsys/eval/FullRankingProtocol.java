package org.recsys.eval;

import org.recsys.api.Evaluator;

/** Protocol {@code full}: every item is ranked for every case ({@link FullRankingEvaluator}). */
public record FullRankingProtocol() implements EvaluationProtocol {
  @Override
  public String name() {
    return "full";
  }

  @Override
  public boolean canExcludeSeen() {
    return true;
  }

  @Override
  public Evaluator evaluator(EvalSettings settings, boolean excludeSeen) {
    return new FullRankingEvaluator(settings, excludeSeen);
  }
}
