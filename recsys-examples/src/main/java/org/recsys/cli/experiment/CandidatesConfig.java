package org.recsys.cli.experiment;

import java.util.List;
import org.recsys.api.ConfigException;
import org.recsys.data.sampling.SampledCandidates;

/**
 * The {@code evaluation.candidates} section: how sampled-protocol candidate sets are drawn. They are drawn
 * once per data set and seed and saved with the run, so every model is ranked against the same items.
 *
 * @param negatives negatives per case, default 100
 * @param sampler {@code uniform} (default: uniform over items the user has not interacted with) or
 *     {@code popularity} (proportional to training counts)
 */
public record CandidatesConfig(Integer negatives, String sampler) {
  /** The samplers this config can name. */
  public static final List<String> SAMPLERS = List.of("uniform", "popularity");

  public CandidatesConfig {
    negatives = negatives == null ? SampledCandidates.DEFAULT_NEGATIVES : negatives;
    sampler = sampler == null ? "uniform" : sampler;
    if (negatives < 1) {
      throw new ConfigException("evaluation.candidates.negatives", "negatives must be >= 1, got " + negatives);
    }
    if (!SAMPLERS.contains(sampler)) {
      throw new ConfigException("evaluation.candidates.sampler", "unknown sampler '" + sampler + "'; valid: " + SAMPLERS);
    }
  }

  /** 100 uniform negatives. */
  public static CandidatesConfig defaults() {
    return new CandidatesConfig(null, null);
  }
}
