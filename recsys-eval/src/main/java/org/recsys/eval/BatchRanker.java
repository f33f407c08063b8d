package org.recsys.eval;

import java.util.List;
import org.recsys.api.EvalCase;
import org.recsys.api.Recommender;

/** Scores one batch of cases and records where their targets landed. */
@FunctionalInterface
interface BatchRanker {
  /**
   * Ranks {@code batch}, whose first case is case number {@code offset}, writing slots
   * {@code offset..offset+batch.size()-1} of {@code out}.
   */
  void rank(Recommender recommender, List<EvalCase> batch, int offset, CaseRanks out);
}
