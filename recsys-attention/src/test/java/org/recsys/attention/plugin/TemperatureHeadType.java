package org.recsys.attention.plugin;

import java.util.List;
import java.util.Optional;
import org.recsys.attention.head.CandidateScratch;
import org.recsys.attention.head.DotHead;
import org.recsys.attention.head.Head;
import org.recsys.attention.head.Scoring;
import org.recsys.attention.layer.ParameterSpec;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.spec.HeadContext;
import org.recsys.attention.spec.HeadType;

/**
 * A head written as a third party would: the tied dot product divided by a temperature, registered as
 * {@code test-temperature} by {@link PluginModule}. Its scoring wraps the built-in kernels and is the one path
 * both training and inference score through.
 */
public final class TemperatureHeadType implements HeadType<TemperatureHeadType.Params> {
  /** @param temperature what every score is divided by */
  public record Params(Double temperature) {
    public Params {
      temperature = temperature == null ? 1.0 : temperature;
    }
  }

  @Override
  public Class<Params> parametersType() {
    return Params.class;
  }

  @Override
  public Head create(Params p, HeadContext c) {
    return new Temperature(new DotHead("head", true, c.encoderTable(), c.numItems(), c.stateSize(), c.init()),
        p.temperature().floatValue());
  }

  record Temperature(DotHead dot, float temperature) implements Head {
    @Override
    public String type() {
      return "test-temperature";
    }

    @Override
    public List<ParameterSpec> parameters() {
      return dot.parameters();
    }

    @Override
    public String table() {
      return dot.table();
    }

    @Override
    public Optional<String> biasName() {
      return dot.biasName();
    }

    @Override
    public int numItems() {
      return dot.numItems();
    }

    @Override
    public int stateSize() {
      return dot.stateSize();
    }

    @Override
    public Scoring scoring(ParameterSet weights, FloatTensor[] grads) {
      Scoring inner = dot.scoring(weights, grads);
      float inv = 1f / temperature;
      return new Scoring() {
        @Override
        public int numItems() {
          return inner.numItems();
        }

        @Override
        public int dim() {
          return inner.dim();
        }

        @Override
        public void scoreCandidates(float[] state, int[] candidates, int count, CandidateScratch scratch,
            float[] scores) {
          inner.scoreCandidates(state, candidates, count, scratch, scores);
          for (int i = 0; i < count; i++) {
            scores[i] *= inv;
          }
        }

        @Override
        public void backCandidates(float[] state, int[] candidates, int count, CandidateScratch scratch,
            float[] coefficients, float[] dState) {
          for (int i = 0; i < count; i++) {
            coefficients[i] *= inv;
          }
          inner.backCandidates(state, candidates, count, scratch, coefficients, dState);
        }

        @Override
        public void scoreAll(FloatTensor states, long from, int m, FloatTensor logits) {
          inner.scoreAll(states, from, m, logits);
          for (int i = 0; i < m * (numItems() + 1); i++) {
            logits.set(i, logits.get(i) * inv);
          }
        }

        @Override
        public void backAll(FloatTensor dLogits, FloatTensor states, long from, int m, FloatTensor dStates,
            float[] sums, float[] row) {
          for (int i = 0; i < m * (numItems() + 1); i++) {
            dLogits.set(i, dLogits.get(i) * inv);
          }
          inner.backAll(dLogits, states, from, m, dStates, sums, row);
        }
      };
    }
  }
}
