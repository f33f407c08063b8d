package org.recsys.attention.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.recsys.attention.head.Head;
import org.recsys.attention.layer.Layer;
import org.recsys.attention.layer.LayerNormLayer;
import org.recsys.attention.layer.SequenceEmbedding;
import org.recsys.attention.layer.SequenceEncoder;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.objective.Objective;

/**
 * A spec whose every component has been found in its registry and bound: all that is left to know is the
 * catalogue's size. {@link #spec()} is the canonical spec, every default written out.
 */
public final class Blueprint {
  private final SequentialSpec spec;
  private final List<Component<BlockType<?>>> blocks;
  private final Component<HeadType<?>> head;
  private final Component<LossType<?>> loss;
  private final Objective objective;

  /** A registered component type with its bound parameters. */
  record Component<T>(String type, T kind, Object parameters) {}

  Blueprint(SequentialSpec spec, List<Component<BlockType<?>>> blocks, Component<HeadType<?>> head,
      Component<LossType<?>> loss, Objective objective) {
    this.spec = spec;
    this.blocks = List.copyOf(blocks);
    this.head = head;
    this.loss = loss;
    this.objective = objective;
  }

  public SequentialSpec spec() {
    return spec;
  }

  public Objective objective() {
    return objective;
  }

  /** The model over a catalogue of {@code numItems} items. */
  public Architecture architecture(int numItems) {
    EncoderSpec e = spec.encoder();
    EmbeddingSpec emb = e.embedding();
    int d = emb.hiddenSize();
    SequenceEmbedding embedding = new SequenceEmbedding("encoder.embedding", numItems + 1 + objective.specialTokens(),
        d, spec.maxLen(), emb.positionKind(), emb.origin(), emb.scale(), emb.norm(), e.eps().floatValue(),
        emb.dropout(), e.initialisation());
    List<Layer> layers = new ArrayList<>();
    int size = d;
    for (int i = 0; i < blocks.size(); i++) {
      Component<BlockType<?>> b = blocks.get(i);
      Layer layer = create(b.kind(), b.parameters(),
          new BlockContext("encoder.block" + i, size, spec.maxLen(), e.initialisation()));
      layers.add(layer);
      size = layer.outputSize();
    }
    Optional<LayerNormLayer> norm = e.finalNorm()
        ? Optional.of(new LayerNormLayer("encoder.final_norm", size, e.eps().floatValue())) : Optional.empty();
    SequenceEncoder encoder = new SequenceEncoder(embedding, layers, norm);
    Head h = create(head.kind(), head.parameters(), new HeadContext(embedding.itemTable(), numItems, size,
        e.initialisation()));
    ConfiguredLoss l = create(loss.kind(), loss.parameters(), numItems);
    return new Architecture(encoder, h, l.loss(), l.scoreBias(), objective, spec.maxLen(), numItems);
  }

  @SuppressWarnings("unchecked")
  private static <P> Layer create(BlockType<P> type, Object params, BlockContext context) {
    return type.create((P) params, context);
  }

  @SuppressWarnings("unchecked")
  private static <P> Head create(HeadType<P> type, Object params, HeadContext context) {
    return type.create((P) params, context);
  }

  @SuppressWarnings("unchecked")
  private static <P> ConfiguredLoss create(LossType<P> type, Object params, int numItems) {
    return type.create((P) params, numItems);
  }
}
