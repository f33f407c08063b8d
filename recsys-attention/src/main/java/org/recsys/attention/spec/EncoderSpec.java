package org.recsys.attention.spec;

import static org.recsys.attention.spec.SpecChecks.orDefault;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.recsys.api.ConfigException;
import org.recsys.attention.layer.Initialisation;

/**
 * The encoder ({@code model.encoder}): an embedding, then blocks, each chosen by its {@code type} from the
 * registered block types, then an optional final layer norm.
 *
 * @param embedding the input embedding
 * @param blocks the blocks in order, each a mapping with a {@code type} and that type's own keys (default: two
 *     causal transformer blocks)
 * @param repeat how many times the list of blocks repeats (1): {@code blocks: [{type: transformer}], repeat: 2}
 *     is two blocks of their own weights
 * @param finalNorm whether a layer norm follows the last block (true, as SASRec)
 * @param eps the final norm's epsilon (1e-8, as SASRec's code)
 * @param init how fresh weights are drawn: {@code xavier} (the PyTorch SASRec port, default), {@code normal}
 *     (N(0, 0.02), as RecBole) or {@code scaled} (tables from N(0, 1/d), as the LSTM-attention model)
 */
public record EncoderSpec(EmbeddingSpec embedding, List<ObjectNode> blocks, Integer repeat, Boolean finalNorm,
    Double eps, String init) {
  public EncoderSpec {
    embedding = orDefault(embedding, EmbeddingSpec.defaults());
    if (blocks == null) {
      ObjectNode transformer = JsonNodeFactory.instance.objectNode().put("type", "transformer");
      blocks = List.of(transformer, transformer.deepCopy());
    }
    blocks = List.copyOf(blocks);
    for (int i = 0; i < blocks.size(); i++) {
      if (!blocks.get(i).path("type").isTextual()) {
        throw new ConfigException("blocks[" + i + "].type", "block " + i + " needs a 'type' (e.g. transformer)");
      }
    }
    repeat = SpecChecks.positive("repeat", repeat, 1);
    finalNorm = orDefault(finalNorm, true);
    eps = SpecChecks.positive("eps", eps, 1e-8);
    init = SpecChecks.oneOf("init", init, "xavier", "xavier", "normal", "scaled");
  }

  /** The defaults: SASRec's two causal transformer blocks. */
  public static EncoderSpec defaults() {
    return new EncoderSpec(null, null, null, null, null, null);
  }

  /** The blocks with {@link #repeat} applied. */
  @JsonIgnore
  public List<ObjectNode> expandedBlocks() {
    List<ObjectNode> out = new ArrayList<>();
    for (int r = 0; r < repeat; r++) {
      blocks.forEach(b -> out.add(b.deepCopy()));
    }
    return out;
  }

  @JsonIgnore
  public Initialisation initialisation() {
    return Initialisation.valueOf(init.toUpperCase(java.util.Locale.ROOT));
  }
}
