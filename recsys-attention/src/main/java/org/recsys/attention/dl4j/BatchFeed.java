package org.recsys.attention.dl4j;

import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recsys.attention.train.TrainingBatch;

/**
 * A constant of a step computed from its batch in Java and fed to the loss as a placeholder {@code [cells, width]}
 * (it takes no gradient), e.g. the log-multiplicity of each cell's sampled candidates.
 *
 * @param placeholder the placeholder's name
 * @param width the values per window cell
 * @param values the values for a step's batch, row-major, {@code width} per cell
 */
record BatchFeed(String placeholder, int width, Function<TrainingBatch, float[]> values) {
  /** The fed array for {@code batch}. */
  INDArray array(TrainingBatch batch) {
    float[] v = values.apply(batch);
    if (v.length != batch.targets().length * (long) width) {
      throw new IllegalStateException(placeholder + " has " + v.length + " values for " + batch.targets().length
          + " cells of width " + width);
    }
    return Nd4j.create(v, new long[] {v.length / width, width}, 'c');
  }
}
