package org.recsys.attention.lstm;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import org.recsys.api.ModelFactory;

/** Registers {@link LstmAttentionFactory} under {@code lstm-attention}. Discovered by {@link java.util.ServiceLoader}. */
public final class LstmAttentionModule extends AbstractModule {
  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {}, new TypeLiteral<ModelFactory<?>>() {})
        .addBinding(LstmAttentionModel.TYPE).to(LstmAttentionFactory.class);
  }
}
