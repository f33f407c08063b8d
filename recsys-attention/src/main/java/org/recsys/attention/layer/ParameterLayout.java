package org.recsys.attention.layer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.nn.ParameterSet;

/** The ordered parameters of a network, gathered from its layers: what to allocate and how to initialise it. */
public record ParameterLayout(List<ParameterSpec> specs) {
  public ParameterLayout {
    specs = List.copyOf(specs);
    Set<String> names = new HashSet<>();
    for (ParameterSpec p : specs) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("two parameters are named " + p.name());
      }
    }
  }

  /** Zero-filled tensors (with zero gradients) for every spec, in order. */
  public ParameterSet allocate() {
    List<Parameter> out = new ArrayList<>(specs.size());
    try {
      for (ParameterSpec p : specs) {
        out.add(Parameter.zeros(p.name(), p.embedding(), p.shape()));
      }
    } catch (RuntimeException e) {
      new ParameterSet(out).close();
      throw e;
    }
    return new ParameterSet(out);
  }

  /** Fills {@code set}'s values, spec by spec in order, from one stream seeded by {@code seed}. */
  public void initialise(ParameterSet set, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (ParameterSpec p : specs) {
      p.init().fill(set.value(p.name()), random);
    }
  }
}
