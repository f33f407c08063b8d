package org.recsys.attention.layer;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;

/**
 * The input of an encoder: each row's item embedding, scaled, plus its position's encoding, optionally layer
 * normalised (as BERT), then dropout: {@code dropout(norm(scale * E[item] + P[position]))}. The item table {@code <name>.items [tableRows, size]} keeps row
 * 0 (padding, never looked up) at zero; a head may score against it (tied weights). Learned positions are
 * {@code <name>.positions [maxLen, size]}.
 *
 * @param tableRows rows of the item table: the items, padding, and any special tokens (a mask)
 * @param scaleBySqrtSize whether embeddings are multiplied by {@code sqrt(size)} (SASRec's code does)
 * @param norm whether a layer norm ({@code <name>.norm.*}, epsilon {@code eps}) follows the sum (BERT4Rec's does)
 */
public record SequenceEmbedding(String name, int tableRows, int size, int maxLen, Positions positions,
    PositionOrigin origin, boolean scaleBySqrtSize, boolean norm, float eps, double dropout, Initialisation init) {

  /** The layer norm after the sum ({@code <name>.norm}), present when {@link #norm()}. */
  public LayerNormLayer normLayer() {
    return new LayerNormLayer(name + ".norm", size, eps);
  }

  /** The item table's parameter name. */
  public String itemTable() {
    return name + ".items";
  }

  /** The learned position table's parameter name. */
  public String positionTable() {
    return name + ".positions";
  }

  /** The item table, then the position table when learned. */
  public List<ParameterSpec> parameters() {
    List<ParameterSpec> p = new ArrayList<>();
    p.add(new ParameterSpec(itemTable(), new long[] {tableRows, size}, init.table(tableRows, size).withZeroRow(size),
        true));
    if (positions == Positions.LEARNED) {
      p.add(ParameterSpec.of(positionTable(), init.table(maxLen, size), maxLen, size));
    }
    if (norm) {
      p.addAll(normLayer().parameters());
    }
    return p;
  }

  public Pass pass(ParameterSet weights, boolean trainable) {
    return new Pass(weights, trainable);
  }

  /** One thread's embedding lookups. */
  public final class Pass implements AutoCloseable {
    private final int itemIndex;
    private final int positionIndex;
    private final FloatTensor items;
    private final FloatTensor learned;
    private final float[] sinusoids;
    private final float scale = scaleBySqrtSize ? (float) Math.sqrt(size) : 1f;
    private final Dropout.Pass dropoutPass;
    private final LayerNormLayer.Pass normPass;
    private final RowBuffers buffers = new RowBuffers();
    private FloatTensor out;

    Pass(ParameterSet weights, boolean trainable) {
      itemIndex = weights.indexOf(itemTable());
      items = weights.get(itemIndex).value();
      positionIndex = positions == Positions.LEARNED ? weights.indexOf(positionTable()) : -1;
      learned = positionIndex < 0 ? null : weights.get(positionIndex).value();
      sinusoids = positions == Positions.SINUSOIDAL ? sinusoids(maxLen, size) : null;
      dropoutPass = new Dropout(name + ".dropout", size, dropout).pass(weights, trainable);
      normPass = norm ? normLayer().pass(weights, trainable) : null;
    }

    /** The embedded rows ({@code rows.rows() x size}), in this pass's buffer. */
    public FloatTensor forward(Rows rows) {
      if (!buffers.fits(rows.rows())) {
        out = buffers.allocate(size);
      }
      FloatBuffer e = items.buffer();
      FloatBuffer p = learned == null ? null : learned.buffer();
      FloatBuffer o = out.buffer();
      // Row by row on heap copies: element access to the direct buffers neither vectorises nor skips its checks.
      float[] v = new float[size];
      float[] pos = new float[size];
      for (int s = 0; s < rows.count(); s++) {
        for (int r = rows.start(s); r < rows.start(s + 1); r++) {
          int po = position(rows, s, r) * size;
          e.get(rows.item(r) * size, v, 0, size);
          if (p != null) {
            p.get(po, pos, 0, size);
          } else if (sinusoids != null) {
            System.arraycopy(sinusoids, po, pos, 0, size);
          }
          for (int j = 0; j < size; j++) {
            v[j] *= scale;
          }
          if (p != null || sinusoids != null) {
            for (int j = 0; j < size; j++) {
              v[j] += pos[j];
            }
          }
          o.put(r * size, v, 0, size);
        }
      }
      FloatTensor x = normPass == null ? out : normPass.forward(rows, out);
      dropoutPass.forward(rows, x, null, x);
      return x;
    }

    /** Adds the gradients of the item (and learned position) tables; {@code dOut} is overwritten. */
    public void backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
      dropoutPass.backward(rows, dOut, dOut);
      FloatBuffer g = (normPass == null ? dOut : normPass.backward(rows, dOut, grads)).buffer();
      FloatBuffer de = grads[itemIndex].buffer();
      FloatBuffer dp = positionIndex < 0 ? null : grads[positionIndex].buffer();
      for (int s = 0; s < rows.count(); s++) {
        for (int r = rows.start(s); r < rows.start(s + 1); r++) {
          int ro = r * size;
          int eo = rows.item(r) * size;
          int po = position(rows, s, r) * size;
          for (int j = 0; j < size; j++) {
            float v = g.get(ro + j);
            if (dp != null) {
              dp.put(po + j, dp.get(po + j) + v);
            }
            de.put(eo + j, de.get(eo + j) + scale * v);
          }
        }
      }
    }

    private int position(Rows rows, int s, int r) {
      return origin == PositionOrigin.START ? rows.shared(s) + r - rows.start(s) : rows.windowPosition(r);
    }

    @Override
    public void close() {
      dropoutPass.close();
      if (normPass != null) {
        normPass.close();
      }
      buffers.close();
    }
  }

  /** {@code PE[p, 2i] = sin(p / 10000^(2i/d))}, {@code PE[p, 2i+1] = cos(...)}, row-major {@code [maxLen, size]}. */
  public static float[] sinusoids(int maxLen, int size) {
    float[] pe = new float[maxLen * size];
    for (int p = 0; p < maxLen; p++) {
      for (int j = 0; j < size; j++) {
        double angle = p / Math.pow(10000, (j - j % 2) / (double) size);
        pe[p * size + j] = (float) (j % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
      }
    }
    return pe;
  }
}
