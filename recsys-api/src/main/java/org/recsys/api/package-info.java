/**
 * The core SPI of recsys: the three roles ({@link org.recsys.api.Encoder}, {@link org.recsys.api.Scorer},
 * {@link org.recsys.api.Evaluator}), the {@link org.recsys.api.Recommender} that pairs an encoder with a
 * scorer, training ({@link org.recsys.api.Trainer}, {@link org.recsys.api.TrainingListener}), the
 * component factories named in configs ({@link org.recsys.api.ModelFactory}), the {@link org.recsys.api.Registry}
 * of named plug-ins found with {@code ServiceLoader}, and the immutable value types that flow between modules.
 *
 * <p>Item ids inside the framework are dense ints {@code 1..n}; {@code 0} is padding and never an item.
 * {@link org.recsys.api.ItemVocabulary} maps them to and from external string ids at the edges.
 *
 * <p>This package depends on no ML library.
 */
package org.recsys.api;
