/** Streaming readers of interaction files (SASRec text, MovieLens, RecBole, CSV/TSV) and format writers. */
package org.recsys.data.io;
