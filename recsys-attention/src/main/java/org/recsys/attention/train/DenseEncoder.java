package org.recsys.attention.train;

import org.recsys.api.Encoder;
import org.recsys.attention.nn.DenseStates;

/** An encoder to dense states that holds native buffers, freed by {@link #close()}. */
public interface DenseEncoder extends Encoder<DenseStates>, AutoCloseable {
  @Override
  void close();
}
