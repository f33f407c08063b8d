package org.recsys.attention.nn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba), with the update of {@code torch.optim.Adam}: bias-corrected moments and {@code eps}
 * added to the corrected root second moment. An optional L2 term {@code l2Embedding * w} is added to the
 * gradient of embedding tensors (the loss gains {@code l2Embedding / 2 * ||w||^2}); a row that is zero with a
 * zero gradient (the padding row) stays exactly zero.
 */
public final class Adam implements AutoCloseable {
  private final ParameterSet parameters;
  private final double learningRate;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double l2Embedding;
  private final List<FloatTensor> first = new ArrayList<>();
  private final List<FloatTensor> second = new ArrayList<>();
  private long steps;

  public Adam(ParameterSet parameters, double learningRate, double beta1, double beta2, double epsilon,
      double l2Embedding) {
    check(learningRate > 0, "learningRate must be > 0, got " + learningRate);
    check(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got " + beta1);
    check(beta2 >= 0 && beta2 < 1, "beta2 must be in [0, 1), got " + beta2);
    check(epsilon > 0, "epsilon must be > 0, got " + epsilon);
    check(l2Embedding >= 0, "l2Embedding must be >= 0, got " + l2Embedding);
    this.parameters = parameters;
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.l2Embedding = l2Embedding;
    for (Parameter p : parameters.parameters()) {
      first.add(FloatTensor.zeros(p.shape()));
      second.add(FloatTensor.zeros(p.shape()));
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The number of steps taken so far. */
  public long steps() {
    return steps;
  }

  /** Updates every parameter from its current gradient. */
  public void step() {
    steps++;
    double bc1 = 1 - Math.pow(beta1, steps);
    double bc2 = 1 - Math.pow(beta2, steps);
    float stepSize = (float) (learningRate / bc1);
    float invSqrtBc2 = (float) (1 / Math.sqrt(bc2));
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float eps = (float) epsilon;
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      FloatBuffer w = p.value().buffer();
      FloatBuffer g = p.gradient().buffer();
      FloatBuffer m = first.get(i).buffer();
      FloatBuffer v = second.get(i).buffer();
      float l2 = p.embedding() ? (float) l2Embedding : 0f;
      int n = p.length();
      for (int j = 0; j < n; j++) {
        float wj = w.get(j);
        float gj = g.get(j) + l2 * wj;
        float mj = b1 * m.get(j) + (1 - b1) * gj;
        float vj = b2 * v.get(j) + (1 - b2) * gj * gj;
        m.put(j, mj);
        v.put(j, vj);
        w.put(j, wj - stepSize * mj / ((float) Math.sqrt(vj) * invSqrtBc2 + eps));
      }
    }
  }

  /** Writes the step count and both moments (for checkpoints). */
  public void writeState(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeLong(steps);
    data.flush();
    List<String> names = new ArrayList<>();
    List<FloatTensor> tensors = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      names.add(parameters.get(i).name() + ".m");
      tensors.add(first.get(i));
    }
    for (int i = 0; i < parameters.size(); i++) {
      names.add(parameters.get(i).name() + ".v");
      tensors.add(second.get(i));
    }
    ParameterSet.writeTensors(out, names, tensors);
  }

  /** Reads state written by {@link #writeState}. */
  public void readState(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    long s = data.readLong();
    if (s < 0) {
      throw new IOException("optimiser state: negative step count " + s);
    }
    List<String> names = new ArrayList<>();
    List<FloatTensor> tensors = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      names.add(parameters.get(i).name() + ".m");
      tensors.add(first.get(i));
    }
    for (int i = 0; i < parameters.size(); i++) {
      names.add(parameters.get(i).name() + ".v");
      tensors.add(second.get(i));
    }
    ParameterSet.readTensors(in, names, tensors);
    steps = s;
  }

  @Override
  public void close() {
    first.forEach(FloatTensor::close);
    second.forEach(FloatTensor::close);
  }
}
