package org.recsys.attention.spec;

import static org.recsys.attention.spec.SpecChecks.orDefault;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A sequential model composed from config ({@code model: {type: sequential, ...}}): an encoder of blocks, a
 * head, a loss and a training objective, each chosen by its {@code type} among the registered components, and
 * how to train it. Every field may be omitted; the defaults are SASRec's with full cross-entropy.
 *
 * @param name what runs and reports call the model (e.g. {@code sasrec} when a preset wrote the spec)
 * @param backend what builds and trains the network: {@code native} (default) or {@code dl4j} ({@link Backend})
 * @param maxLen window length: the most recent items a user is represented by (200)
 * @param encoder the embedding and blocks
 * @param head how states are scored against items ({@code {type: dot, tied: true}})
 * @param loss the training loss ({@code {type: ce}})
 * @param objective what training predicts: {@code next-item} (default), {@code last-item}, {@code masked-item},
 *     as a name or a mapping with a {@code type}
 * @param training the optimiser, batches and early stopping
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SequentialSpec(String name, String backend, Integer maxLen, EncoderSpec encoder, ObjectNode head,
    ObjectNode loss, JsonNode objective, TrainingSpec training) {
  public SequentialSpec {
    name = orDefault(name, "sequential");
    backend = Backend.parse("backend", backend).configName();
    maxLen = SpecChecks.positive("maxLen", maxLen, 200);
    encoder = orDefault(encoder, EncoderSpec.defaults());
    head = orDefault(head, typed("dot"));
    loss = orDefault(loss, typed("ce"));
    objective = objective == null ? typed("next-item") : objective.isTextual() ? typed(objective.asText()) : objective;
    training = orDefault(training, TrainingSpec.defaults());
  }

  /** The parsed {@link #backend()}. */
  @JsonIgnore
  public Backend backendKind() {
    return Backend.parse("backend", backend);
  }

  /** A mapping holding only {@code type}. */
  public static ObjectNode typed(String type) {
    return JsonNodeFactory.instance.objectNode().put("type", type);
  }
}
