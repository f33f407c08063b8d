package org.recsys.attention.layer;

import java.util.Arrays;
import org.recsys.attention.nn.FastTanh;

/** The LSTM's step ({@link Lstm}): gates i, f, g, o over the input's and the state's terms summed. */
final class LstmCell implements RecurrentCell {
  // Kept from forward to backward, time-major.
  private float[] gateI = new float[0];
  private float[] gateF;
  private float[] gateG;
  private float[] gateO;
  private float[] cell;
  private float[] cellTanh;
  // One step's scratch, indexed from 0.
  private float[] previousCell = new float[0];
  private float[] tanhCell;
  private float[] carry;

  @Override
  public int gates() {
    return 4;
  }

  @Override
  public boolean separateStateTerms() {
    return false;
  }

  @Override
  public void reserve(int values, int block) {
    if (gateI.length < values) {
      gateI = new float[values];
      gateF = new float[values];
      gateG = new float[values];
      gateO = new float[values];
      cell = new float[values];
      cellTanh = new float[values];
    }
    if (previousCell.length < block) {
      previousCell = new float[block];
      tanhCell = new float[block];
      carry = new float[block];
    }
  }

  @Override
  public void forward(int so, int previousSo, int n, float[][] inputTerms, float[][] stateTerms,
      float[] previous, float[] next) {
    float[] zi = inputTerms[0];
    float[] zf = inputTerms[1];
    float[] zg = inputTerms[2];
    float[] zo = inputTerms[3];
    float[] cp = previousCell(previousSo, n);
    float[] tc = tanhCell;
    // One short loop per operation: C2 unrolls (and so vectorises) only small loop bodies; the fused loop with
    // five inlined tanh ran scalar and took a quarter of a step.
    FastTanh.sigmoidInPlace(zi, n);
    FastTanh.sigmoidInPlace(zf, n);
    FastTanh.tanhInPlace(zg, n);
    FastTanh.sigmoidInPlace(zo, n);
    for (int j = 0; j < n; j++) {
      cp[j] = zf[j] * cp[j] + zi[j] * zg[j];
    }
    for (int j = 0; j < n; j++) {
      tc[j] = FastTanh.tanh(cp[j]);
    }
    for (int j = 0; j < n; j++) {
      next[j] = zo[j] * tc[j];
    }
    System.arraycopy(zi, 0, gateI, so, n);
    System.arraycopy(zf, 0, gateF, so, n);
    System.arraycopy(zg, 0, gateG, so, n);
    System.arraycopy(zo, 0, gateO, so, n);
    System.arraycopy(cp, 0, cell, so, n);
    System.arraycopy(tc, 0, cellTanh, so, n);
  }

  @Override
  public void backward(int so, int previousSo, int n, int carried, float[] dStates, float[] previous,
      float[][] dInputTerms, float[][] dStateTerms) {
    float[] ig = dInputTerms[0];
    float[] fg = dInputTerms[1];
    float[] cg = dInputTerms[2];
    float[] og = dInputTerms[3];
    float[] tc = tanhCell;
    System.arraycopy(gateI, so, ig, 0, n);
    System.arraycopy(gateF, so, fg, 0, n);
    System.arraycopy(gateG, so, cg, 0, n);
    System.arraycopy(gateO, so, og, 0, n);
    System.arraycopy(cellTanh, so, tc, 0, n);
    float[] cp = previousCell(previousSo, n);
    // The cell's gradient carried through c_t = f * c_{t-1} + ....
    Arrays.fill(carry, carried, n, 0f);
    float[] cr = carry;
    for (int j = 0; j < n; j++) {
      float o1 = og[j];
      float th = tc[j];
      float i1 = ig[j];
      float f1 = fg[j];
      float g1 = cg[j];
      float dho = dStates[j];
      float dc = dho * o1 * (1f - th * th) + cr[j];
      og[j] = dho * th * o1 * (1f - o1);
      ig[j] = dc * g1 * i1 * (1f - i1);
      cg[j] = dc * i1 * (1f - g1 * g1);
      fg[j] = dc * cp[j] * f1 * (1f - f1);
      cr[j] = dc * f1;
    }
  }

  /** The previous step's cells (zeros at the first step) in the scratch array. */
  private float[] previousCell(int previousSo, int n) {
    if (previousSo >= 0) {
      System.arraycopy(cell, previousSo, previousCell, 0, n);
    } else {
      Arrays.fill(previousCell, 0, n, 0f);
    }
    return previousCell;
  }
}
