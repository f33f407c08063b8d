package org.recsys.attention.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import org.recsys.attention.spec.BlockType;
import org.recsys.attention.spec.HeadType;
import org.recsys.attention.spec.LossType;

/** A third party's Guice module: adds a block, a head and a loss to recsys's registries, listed for ServiceLoader. */
public final class PluginModule extends AbstractModule {
  @Override
  protected void configure() {
    MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {}, new TypeLiteral<BlockType<?>>() {})
        .addBinding("test-scale").to(ScaleBlockType.class);
    MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {}, new TypeLiteral<LossType<?>>() {})
        .addBinding("test-bpr").to(BprLossType.class);
    MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {}, new TypeLiteral<HeadType<?>>() {})
        .addBinding("test-temperature").to(TemperatureHeadType.class);
  }
}
