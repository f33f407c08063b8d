package org.recsys.attention.spec;

import static org.recsys.attention.spec.SpecChecks.orDefault;
import static org.recsys.attention.spec.SpecChecks.positive;
import static org.recsys.attention.spec.SpecChecks.unitInterval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.recsys.attention.layer.PositionOrigin;
import org.recsys.attention.layer.Positions;

/**
 * The encoder's input ({@code model.encoder.embedding}): item embeddings of {@code hiddenSize}, their positions,
 * scaling and dropout.
 *
 * @param hiddenSize embedding (and state) size {@code d} (50)
 * @param positions {@code learned} (default), {@code sinusoidal} or {@code none}
 * @param positionOrigin where positions count from: {@code end} (SASRec's code, default) or {@code start}
 * @param scale whether embeddings are multiplied by {@code sqrt(d)} before positions are added (true, as
 *     SASRec's code)
 * @param dropout dropout on the embedded rows (0.2)
 * @param norm whether a layer norm follows the sum of item and position embeddings, before dropout (false; BERT4Rec
 *     has one), with the encoder's {@code eps}
 */
public record EmbeddingSpec(Integer hiddenSize, String positions, String positionOrigin, Boolean scale,
    Double dropout, Boolean norm) {
  public EmbeddingSpec {
    hiddenSize = positive("hiddenSize", hiddenSize, 50);
    positions = Positions.parse("positions", orDefault(positions, "learned")).configName();
    positionOrigin = SpecChecks.oneOf("positionOrigin", positionOrigin, "end", "end", "start");
    scale = orDefault(scale, true);
    dropout = unitInterval("dropout", dropout, 0.2);
    norm = orDefault(norm, false);
  }

  /** The defaults. */
  public static EmbeddingSpec defaults() {
    return new EmbeddingSpec(null, null, null, null, null, null);
  }

  @JsonIgnore
  public Positions positionKind() {
    return Positions.parse("positions", positions);
  }

  @JsonIgnore
  public PositionOrigin origin() {
    return positionOrigin.equals("start") ? PositionOrigin.START : PositionOrigin.END;
  }
}
