/**
 * Streaming readers of interaction files (SASRec text, sequences, MovieLens, RecBole, CSV/TSV) and format
 * writers. Input formats ({@link org.recsys.data.io.DataFormat}) are plug-ins found by name with {@code ServiceLoader}
 * ({@link org.recsys.data.io.FormatRegistry}); the built-in ones register the same way as a third party's.
 */
package org.recsys.data.io;
