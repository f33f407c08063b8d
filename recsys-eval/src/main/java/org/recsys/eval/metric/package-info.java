/**
 * The built-in {@link org.recsys.eval.Metric}s. They register through {@code META-INF/services} like any
 * third-party metric; {@link org.recsys.eval.Metric} also names them as constants.
 */
package org.recsys.eval.metric;
