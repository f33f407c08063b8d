package org.recsys.eval.stats;

/**
 * A paired comparison of one metric between two evaluations of the same cases.
 *
 * @param metric the metric key, e.g. {@code NDCG@10}
 * @param cases the number of paired cases
 * @param baselineMean the baseline's mean
 * @param candidateMean the candidate's mean
 * @param difference {@code candidateMean - baselineMean} (the mean of the per-case differences)
 * @param ciLow lower end of the 95% bootstrap interval of the difference
 * @param ciHigh upper end of the 95% bootstrap interval of the difference
 * @param tStatistic the paired t statistic ({@code 0} when every difference is 0, infinite when all
 *     differences are equal and non-zero)
 * @param tTestP two-sided p-value of the paired t-test with {@code cases - 1} degrees of freedom
 * @param permutationP two-sided p-value of the paired sign-flip permutation test on the mean difference
 * @param exactPermutation true when {@code permutationP} enumerated every sign pattern; false when it was
 *     estimated from random sign flips as {@code (1 + as extreme) / (1 + permutations)}
 */
public record PairedComparison(String metric, int cases, double baselineMean, double candidateMean,
    double difference, double ciLow, double ciHigh, double tStatistic, double tTestP, double permutationP,
    boolean exactPermutation) {}
