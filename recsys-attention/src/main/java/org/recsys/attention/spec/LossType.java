package org.recsys.attention.spec;

/**
 * A loss kind, registered by name ({@code bce}, {@code ce}, {@code sampled-softmax}, {@code gbce}, ...) with a
 * Guice {@code MapBinder<String, LossType<?>>}.
 *
 * @param <P> the record the loss's config mapping binds to
 */
public interface LossType<P> {
  Class<P> parametersType();

  /** The loss over a catalogue of {@code numItems} items. */
  ConfiguredLoss create(P parameters, int numItems);
}
