/**
 * Evaluation of any system's output from files, like trec_eval: see
 * {@link org.recsys.eval.rankings.RankingsFileEvaluator}.
 */
package org.recsys.eval.rankings;
