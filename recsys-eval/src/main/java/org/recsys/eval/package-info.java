/**
 * Honest, fast evaluation of recommenders; depends on {@code recsys-api} only.
 *
 * <p>Protocols ({@link org.recsys.api.Evaluator}s): {@link org.recsys.eval.FullRankingEvaluator} ranks all items
 * (the user's history excluded by default) and {@link org.recsys.eval.SampledRankingEvaluator} ranks each case's
 * candidate set. Both are configured by {@link org.recsys.eval.EvalSettings} (or, from a config file,
 * {@link org.recsys.eval.EvaluationConfig}) and stamp every report with its protocol, so sampled and full numbers
 * cannot be confused:
 * <pre>{@code
 * EvalSettings s = EvalSettings.of(MetricSuite.rankingMetrics(1, 5, 10, 20))
 *     .withBootstrap(1000, seed).withProtocol("split", "leave-one-out");
 * EvaluationReport r = new FullRankingEvaluator(s).evaluate(model, testCases);
 * double ndcg10 = r.mean("NDCG@10");                 // r.metrics().get("NDCG@10").ciLow() ...
 * }</pre>
 *
 * <p>Ties: a target tied with other items is ranked below all of them ({@link org.recsys.eval.PessimisticRank}),
 * so a model that scores everything the same scores zero. Metric formulas are in
 * {@link org.recsys.eval.RankingMetrics}.
 *
 * <p>Protocols ({@link org.recsys.eval.EvaluationProtocol}) and metrics ({@link org.recsys.eval.Metric}) are
 * plug-ins found by name with {@code ServiceLoader} ({@link org.recsys.eval.ProtocolRegistry},
 * {@link org.recsys.eval.MetricRegistry}); the built-in ones register the same way as a third party's.
 */
package org.recsys.eval;
