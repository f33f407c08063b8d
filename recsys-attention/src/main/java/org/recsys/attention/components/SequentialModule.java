package org.recsys.attention.components;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import org.recsys.api.ModelFactory;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.preset.Bert4RecPreset;
import org.recsys.attention.preset.CaserPreset;
import org.recsys.attention.preset.Gru4RecPreset;
import org.recsys.attention.preset.LstmAttentionPreset;
import org.recsys.attention.preset.SasRecPreset;
import org.recsys.attention.spec.BlockType;
import org.recsys.attention.spec.HeadType;
import org.recsys.attention.spec.LossType;
import org.recsys.attention.spec.ObjectiveType;

/**
 * Registers the built-in components of composed sequential models (blocks, heads, losses, objectives), the
 * {@code sequential} model type and its presets. Discovered by {@link java.util.ServiceLoader}; a third-party
 * module adds its own components to the same {@code MapBinder}s.
 */
public final class SequentialModule extends AbstractModule {
  @Override
  protected void configure() {
    MapBinder<String, BlockType<?>> blocks = MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {},
        new TypeLiteral<BlockType<?>>() {});
    blocks.addBinding("transformer").to(TransformerBlockType.class);
    blocks.addBinding("lstm").toInstance(RecurrentBlockType.lstm());
    blocks.addBinding("gru").toInstance(RecurrentBlockType.gru());
    blocks.addBinding("attention-pooling").to(AttentionPoolingBlockType.class);
    blocks.addBinding("caser").to(CaserBlockType.class);
    MapBinder<String, HeadType<?>> heads = MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {},
        new TypeLiteral<HeadType<?>>() {});
    heads.addBinding("dot").to(DotHeadType.class);
    MapBinder<String, LossType<?>> losses = MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {},
        new TypeLiteral<LossType<?>>() {});
    losses.addBinding("bce").to(BceLossType.class);
    losses.addBinding("gbce").to(GbceLossType.class);
    losses.addBinding("sampled-softmax").to(SampledSoftmaxLossType.class);
    losses.addBinding("ce").to(CeLossType.class);
    losses.addBinding("bpr-max").to(BprMaxLossType.class);
    MapBinder<String, ObjectiveType<?>> objectives = MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {},
        new TypeLiteral<ObjectiveType<?>>() {});
    objectives.addBinding("next-item").to(ObjectiveTypes.NextItemType.class);
    objectives.addBinding("last-item").to(ObjectiveTypes.LastItemType.class);
    objectives.addBinding("masked-item").to(ObjectiveTypes.MaskedItemType.class);
    MapBinder<String, ModelFactory<?>> models = MapBinder.newMapBinder(binder(), new TypeLiteral<String>() {},
        new TypeLiteral<ModelFactory<?>>() {});
    models.addBinding(ComposedModel.TYPE).to(SequentialFactory.class);
    models.addBinding(SasRecPreset.NAME).to(SasRecPreset.class);
    models.addBinding(LstmAttentionPreset.NAME).to(LstmAttentionPreset.class);
    models.addBinding(Gru4RecPreset.NAME).to(Gru4RecPreset.class);
    models.addBinding(Bert4RecPreset.NAME).to(Bert4RecPreset.class);
    models.addBinding(CaserPreset.NAME).to(CaserPreset.class);
  }
}
