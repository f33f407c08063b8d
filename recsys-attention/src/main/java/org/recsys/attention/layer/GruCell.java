package org.recsys.attention.layer;

import java.util.Arrays;
import org.recsys.attention.nn.FastTanh;

/**
 * The GRU's step ({@link Gru}): gates r, z, n; the state's n term is reset by r before it joins the input's, so
 * the state's terms reach the step apart.
 */
final class GruCell implements RecurrentCell {
  // Kept from forward to backward, time-major: the gates and the n gate's recurrent term.
  private float[] gateR = new float[0];
  private float[] gateZ;
  private float[] gateN;
  private float[] hiddenN;
  // One step's scratch, indexed from 0.
  private float[] hn = new float[0];
  private float[] carry;

  @Override
  public int gates() {
    return 3;
  }

  @Override
  public boolean separateStateTerms() {
    return true;
  }

  @Override
  public void reserve(int values, int block) {
    if (gateR.length < values) {
      gateR = new float[values];
      gateZ = new float[values];
      gateN = new float[values];
      hiddenN = new float[values];
    }
    if (hn.length < block) {
      hn = new float[block];
      carry = new float[block];
    }
  }

  @Override
  public void forward(int so, int previousSo, int n, float[][] inputTerms, float[][] stateTerms,
      float[] previous, float[] next) {
    float[] r = inputTerms[0];
    float[] z = inputTerms[1];
    float[] nn = inputTerms[2];
    float[] hr = stateTerms[0];
    float[] hz = stateTerms[1];
    float[] hnv = stateTerms[2];
    // One short loop per operation, so that C2 vectorises each.
    for (int j = 0; j < n; j++) {
      r[j] += hr[j];
    }
    FastTanh.sigmoidInPlace(r, n);
    for (int j = 0; j < n; j++) {
      z[j] += hz[j];
    }
    FastTanh.sigmoidInPlace(z, n);
    for (int j = 0; j < n; j++) {
      nn[j] += r[j] * hnv[j];
    }
    FastTanh.tanhInPlace(nn, n);
    for (int j = 0; j < n; j++) {
      next[j] = (1f - z[j]) * nn[j] + z[j] * previous[j];
    }
    System.arraycopy(r, 0, gateR, so, n);
    System.arraycopy(z, 0, gateZ, so, n);
    System.arraycopy(nn, 0, gateN, so, n);
    System.arraycopy(hnv, 0, hiddenN, so, n);
  }

  @Override
  public void backward(int so, int previousSo, int n, int carried, float[] dStates, float[] previous,
      float[][] dInputTerms, float[][] dStateTerms) {
    float[] r = dInputTerms[0];
    float[] z = dInputTerms[1];
    float[] nn = dInputTerms[2];
    float[] hr = dStateTerms[0];
    float[] hz = dStateTerms[1];
    float[] dhn = dStateTerms[2];
    float[] hnv = hn;
    System.arraycopy(gateR, so, r, 0, n);
    System.arraycopy(gateZ, so, z, 0, n);
    System.arraycopy(gateN, so, nn, 0, n);
    System.arraycopy(hiddenN, so, hnv, 0, n);
    // The state's gradient carried through h' = ... + z * h.
    Arrays.fill(carry, carried, n, 0f);
    float[] cr = carry;
    for (int j = 0; j < n; j++) {
      float d = dStates[j] + cr[j];
      float z1 = z[j];
      float n1 = nn[j];
      float r1 = r[j];
      float dnp = d * (1f - z1) * (1f - n1 * n1);
      cr[j] = d * z1;
      float dz = d * (previous[j] - n1) * z1 * (1f - z1);
      float dr = dnp * hnv[j] * r1 * (1f - r1);
      z[j] = dz;
      hz[j] = dz;
      r[j] = dr;
      hr[j] = dr;
      nn[j] = dnp;
      dhn[j] = dnp * r1;
    }
  }
}
