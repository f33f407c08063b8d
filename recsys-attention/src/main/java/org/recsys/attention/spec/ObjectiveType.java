package org.recsys.attention.spec;

import org.recsys.attention.objective.Objective;

/**
 * A training objective kind, registered by name ({@code next-item}, {@code last-item}, {@code masked-item}, ...)
 * with a Guice {@code MapBinder<String, ObjectiveType<?>>}.
 *
 * @param <P> the record the objective's config mapping binds to
 */
public interface ObjectiveType<P> {
  Class<P> parametersType();

  Objective create(P parameters);
}
