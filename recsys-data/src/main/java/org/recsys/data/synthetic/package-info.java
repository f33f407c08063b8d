/** Synthetic data with planted structure: the built-in data set, and a single planted pair for explanations. */
package org.recsys.data.synthetic;
