/** Preprocessing: columnar interactions, rating threshold, chronological order, dedupe, k-core, vocabularies. */
package org.recsys.data.preprocess;
