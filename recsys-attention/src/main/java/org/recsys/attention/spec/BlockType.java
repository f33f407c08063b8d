package org.recsys.attention.spec;

import org.recsys.attention.layer.Layer;

/**
 * An encoder block kind, registered by name ({@code transformer}, {@code lstm}, {@code gru}, ...) with a Guice
 * {@code MapBinder<String, BlockType<?>>} in a module listed for {@link java.util.ServiceLoader}: a jar adds one
 * with no change to recsys.
 *
 * @param <P> the record a block's config mapping binds to (unknown keys fail)
 */
public interface BlockType<P> {
  Class<P> parametersType();

  /** The block's layer. */
  Layer create(P parameters, BlockContext context);
}
