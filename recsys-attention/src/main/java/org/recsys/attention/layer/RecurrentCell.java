package org.recsys.attention.layer;

/**
 * The element-wise part of one recurrent step, forward and back: what tells a GRU from an LSTM. {@link
 * RecurrentPass} runs the rest (the time-major order, the input's and the state's GEMMs, dropout on the input) and
 * hands each step's gate terms over as heap arrays indexed from 0, {@code n = active sequences x hiddenSize}
 * values each. A cell belongs to one pass and keeps what its backward needs from its forward; not thread-safe.
 */
interface RecurrentCell {
  /** The gates per hidden unit: the gate terms are {@code gates() x hiddenSize} wide. */
  int gates();

  /**
   * Whether the state's gate terms reach the step apart from the input's (a GRU resets its candidate's recurrent
   * term before adding it); otherwise the state's GEMM adds them into the input's.
   */
  boolean separateStateTerms();

  /**
   * Makes room for {@code values} time-major values per kept array (every row of the pass times hiddenSize) and
   * for steps of up to {@code block} values.
   */
  void reserve(int values, int block);

  /**
   * One step forward.
   *
   * @param so the step's first time-major value ({@code stepStart x hiddenSize}), where the cell keeps its own
   * @param previousSo the previous step's first value, or -1 at the first step (a zero state)
   * @param inputTerms per gate, the input's terms (with the state's added, unless {@link #separateStateTerms});
   *     the cell may overwrite them
   * @param stateTerms per gate, the state's terms; null unless {@link #separateStateTerms}
   * @param previous the previous step's states (zeros at the first step)
   * @param next receives the step's states
   */
  void forward(int so, int previousSo, int n, float[][] inputTerms, float[][] stateTerms, float[] previous,
      float[] next);

  /**
   * One step back, from the last step to the first. The cell carries its own state's gradient from step to step;
   * only the first {@code carried} values of it came from a later step (the sequences that ran one), the rest
   * start at zero.
   *
   * @param dStates the loss's gradient with respect to the step's states, from above and from the next step's
   *     state GEMM
   * @param previous the previous step's states (zeros at the first step)
   * @param dInputTerms receives, per gate, the gradient of the input's terms
   * @param dStateTerms receives, per gate, the gradient of the state's terms; null unless {@link
   *     #separateStateTerms} (when they are the input's)
   */
  void backward(int so, int previousSo, int n, int carried, float[] dStates, float[] previous,
      float[][] dInputTerms, float[][] dStateTerms);
}
