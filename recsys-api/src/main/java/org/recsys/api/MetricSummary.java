package org.recsys.api;

/**
 * A metric's mean over cases with a confidence interval.
 *
 * @param mean the mean over cases
 * @param ciLow lower end of the confidence interval
 * @param ciHigh upper end of the confidence interval
 */
public record MetricSummary(double mean, double ciLow, double ciHigh) {
  public MetricSummary {
    if (!(ciLow <= mean && mean <= ciHigh) && !Double.isNaN(mean)) {
      throw new IllegalArgumentException("interval [" + ciLow + ", " + ciHigh + "] does not hold the mean " + mean);
    }
  }
}
