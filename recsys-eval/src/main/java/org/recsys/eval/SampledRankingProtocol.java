package org.recsys.eval;

import org.recsys.api.Evaluator;

/** Protocol {@code sampled}: each case's own candidate set is ranked ({@link SampledRankingEvaluator}). */
public record SampledRankingProtocol() implements EvaluationProtocol {
  @Override
  public String name() {
    return "sampled";
  }

  @Override
  public boolean needsCandidates() {
    return true;
  }

  @Override
  public Evaluator evaluator(EvalSettings settings, boolean excludeSeen) {
    return new SampledRankingEvaluator(settings);
  }
}
