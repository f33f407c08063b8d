/**
 * Statistics for evaluation reports: seeded bootstrap intervals ({@link org.recsys.eval.stats.Bootstrap}),
 * paired comparisons of two reports on the same cases ({@link org.recsys.eval.stats.PairedTest}: t-test and
 * sign-flip permutation test), and the Student t distribution they need, computed here
 * ({@link org.recsys.eval.stats.StudentT}, {@link org.recsys.eval.stats.IncompleteBeta}).
 */
package org.recsys.eval.stats;
