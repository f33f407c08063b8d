/** Seeded negative samplers and fixed candidate sets for sampled evaluation. */
package org.recsys.data.sampling;
