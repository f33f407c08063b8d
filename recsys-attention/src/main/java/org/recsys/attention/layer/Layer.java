package org.recsys.attention.layer;

import java.util.List;
import org.recsys.attention.nn.ParameterSet;

/**
 * One layer of the native layer library: a map from {@code rows x inputSize()} to {@code rows x outputSize()} on
 * the packed layout ({@link Rows}), with the parameters it owns. The definition is immutable and shared; each
 * thread computes through its own {@link LayerPass}, which holds that thread's activations.
 */
public interface Layer {
  /** The layer's name, the prefix of its parameters' names (e.g. {@code encoder.block0}). */
  String name();

  int inputSize();

  int outputSize();

  /** The parameters it owns, in a fixed order. */
  List<ParameterSpec> parameters();

  /**
   * A pass over {@code weights}, which must hold this layer's parameters.
   *
   * @param trainable whether the pass keeps what {@link LayerPass#backward} needs and may apply dropout
   */
  LayerPass pass(ParameterSet weights, boolean trainable);

  /**
   * Whether row {@code r}'s output depends only on rows {@code <= r} of its sequence. Layers that mix rows both
   * ways (bidirectional attention) must say false: predicting a row's next item would otherwise read the answer.
   */
  default boolean causal() {
    return true;
  }

  /**
   * Whether, at inference, the layer's pass computes a sequence whose first rows another sequence of the pass holds
   * ({@link Rows#shared}): reading those rows from there, as if they were the sequence's own. Only a causal layer
   * can, since no later row changes an earlier one's output; the encoder packs shared prefixes once only when
   * every layer can ({@link org.recsys.attention.train.PackedSequences#sharingPrefixes}). A layer that keeps
   * state across rows (a recurrence, a window of the last rows) says false, the default.
   */
  default boolean sharesPrefixes() {
    return false;
  }

  /**
   * Whether the native backend can train this layer (it has a hand-written backward pass). A block defined only
   * as a graph for the dl4j backend says false, and the native backend refuses it, naming it, at config time.
   */
  default boolean trainsNatively() {
    return true;
  }

  /**
   * The work of a sequence of {@code length} rows, in multiply-adds (forward and backward together), for
   * splitting a batch into equal shares across threads.
   */
  default double cost(int length) {
    return 6.0 * length * inputSize() * outputSize();
  }

  /**
   * The output for a sequence with no rows at all (an empty history), when this is the encoder's last layer: what
   * the layer gives an all-zero input. Zeros unless the layer adds a bias.
   */
  default float[] emptyOutput(ParameterSet weights) {
    return new float[outputSize()];
  }
}
