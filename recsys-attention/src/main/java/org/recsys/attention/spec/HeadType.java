package org.recsys.attention.spec;

import org.recsys.attention.head.Head;

/**
 * A head kind, registered by name ({@code dot}, ...) with a Guice {@code MapBinder<String, HeadType<?>>}.
 *
 * @param <P> the record the head's config mapping binds to
 */
public interface HeadType<P> {
  Class<P> parametersType();

  Head create(P parameters, HeadContext context);
}
