package org.recsys.attention.sasrec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recsys.api.AtomicFiles;
import org.recsys.api.Encoder;
import org.recsys.api.EncoderScorerRecommender;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.Scorer;
import org.recsys.api.TrainedModel;
import org.recsys.api.VocabularyFile;
import org.recsys.attention.nn.DenseStates;
import org.recsys.attention.nn.DotProductScorer;

/**
 * A trained SASRec: its encoder (histories to the state at the last position) and the dot-product scorer over
 * its item embedding table. Immutable and thread-safe.
 *
 * <p>A model directory holds {@value #WEIGHTS} (every tensor, little-endian floats), {@value #PARAMS} (the
 * hyperparameters), {@value VocabularyFile#FILE_NAME} (the item vocabulary) and {@value #MODEL} (type, format
 * and provenance: versions, seed, epochs), each written atomically.
 */
public final class SasRecModel implements TrainedModel, AutoCloseable {
  public static final String TYPE = "sasrec";
  public static final String WEIGHTS = "weights.bin";
  public static final String PARAMS = "params.json";
  public static final String MODEL = "model.json";
  private static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final SasRecParams params;
  private final ItemVocabulary vocabulary;
  private final SasRecWeights weights;
  private final Map<String, Object> provenance;
  private final SasRecEncoder encoder;
  private final DotProductScorer scorer;
  private final EncoderScorerRecommender<DenseStates> recommender;

  private SasRecModel(SasRecParams params, ItemVocabulary vocabulary, SasRecWeights weights,
      Map<String, Object> provenance) {
    if (vocabulary.size() != weights.numItems) {
      throw new IllegalArgumentException("vocabulary of " + vocabulary.size() + " items for weights of "
          + weights.numItems);
    }
    this.params = params;
    this.vocabulary = vocabulary;
    this.weights = weights;
    this.provenance = Map.copyOf(provenance);
    this.encoder = new SasRecEncoder(weights);
    this.scorer = new DotProductScorer(weights.value(SasRecWeights.ITEM));
    this.recommender = new EncoderScorerRecommender<>(encoder, scorer);
  }

  /** A model holding a copy of {@code trained}'s current weights. */
  static SasRecModel copyOf(SasRecParams params, ItemVocabulary vocabulary, SasRecWeights trained,
      Map<String, Object> provenance) {
    SasRecWeights copy = SasRecWeights.allocate(trained.numItems, trained.maxLen, trained.dim, trained.blocks,
        trained.heads);
    copy.set.copyValuesFrom(trained.set);
    return new SasRecModel(params, vocabulary, copy, provenance);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public ItemVocabulary vocabulary() {
    return vocabulary;
  }

  public SasRecParams params() {
    return params;
  }

  /** Training provenance (seed, epochs, versions), as saved in {@value #MODEL}. */
  public Map<String, Object> provenance() {
    return provenance;
  }

  /** Histories to dense states (the output at the last position). */
  public Encoder<DenseStates> encoder() {
    return encoder;
  }

  /** Dense states to scores by dot product with the item embeddings. */
  public Scorer<DenseStates> scorer() {
    return scorer;
  }

  @Override
  public int numItems() {
    return weights.numItems;
  }

  @Override
  public float[][] scoreAll(List<int[]> histories) {
    return recommender.scoreAll(histories);
  }

  @Override
  public float[][] scoreCandidates(List<int[]> histories, int[][] candidates) {
    return recommender.scoreCandidates(histories, candidates);
  }

  @Override
  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    AtomicFiles.write(dir.resolve(WEIGHTS), weights.set::writeValues);
    AtomicFiles.writeString(dir.resolve(PARAMS), JSON.writeValueAsString(params));
    VocabularyFile.write(vocabulary, dir.resolve(VocabularyFile.FILE_NAME));
    ObjectNode model = JSON.createObjectNode();
    model.put("type", TYPE);
    model.put("format", FORMAT);
    model.put("items", weights.numItems);
    model.set("provenance", JSON.valueToTree(provenance));
    AtomicFiles.writeString(dir.resolve(MODEL), JSON.writeValueAsString(model));
  }

  /**
   * Loads a model written by {@link #save}.
   *
   * @throws IOException naming the file that is missing, of another model type, or inconsistent
   */
  public static SasRecModel load(Path dir) throws IOException {
    Path modelFile = dir.resolve(MODEL);
    JsonNode model = readJson(modelFile);
    String type = model.path("type").asText("");
    if (!TYPE.equals(type)) {
      throw new IOException(modelFile + ": model type is '" + type + "', not '" + TYPE + "'");
    }
    int format = model.path("format").asInt(-1);
    if (format != FORMAT) {
      throw new IOException(modelFile + ": format " + format + " is not supported (expected " + FORMAT + ")");
    }
    Path paramsFile = dir.resolve(PARAMS);
    SasRecParams params;
    try {
      params = JSON.treeToValue(readJson(paramsFile), SasRecParams.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new IOException(paramsFile + ": " + e.getMessage(), e);
    }
    ItemVocabulary vocabulary = VocabularyFile.read(dir.resolve(VocabularyFile.FILE_NAME));
    SasRecWeights weights = SasRecWeights.allocate(vocabulary.size(), params.maxLen(), params.hiddenSize(),
        params.blocks(), params.heads());
    Path weightsFile = dir.resolve(WEIGHTS);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(weightsFile))) {
      weights.set.readValues(in);
    } catch (NoSuchFileException e) {
      weights.close();
      throw new NoSuchFileException(weightsFile.toString(), null, "weights file is missing");
    } catch (IOException e) {
      weights.close();
      throw new IOException(weightsFile + ": " + e.getMessage(), e);
    }
    Map<String, Object> provenance = new LinkedHashMap<>();
    JsonNode p = model.path("provenance");
    if (p.isObject()) {
      provenance = JSON.convertValue(p, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
          Object.class));
    }
    return new SasRecModel(params, vocabulary, weights, provenance);
  }

  private static JsonNode readJson(Path file) throws IOException {
    try {
      return JSON.readTree(file.toFile());
    } catch (java.io.FileNotFoundException e) {
      throw new NoSuchFileException(file.toString(), null, "missing from the model directory");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(file + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Frees the native memory of the weights and scratch buffers; the model must not be used afterwards. */
  @Override
  public void close() {
    encoder.close();
    scorer.close();
    weights.close();
  }
}
