package org.recsys.attention.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.recsys.api.AtomicFiles;
import org.recsys.api.EncoderScorerModel;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.VocabularyFile;
import org.recsys.attention.nn.DenseStates;
import org.recsys.attention.nn.DotProductScorer;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;

/**
 * A trained sequence model: an encoder from histories to dense states and a dot-product scorer over one of its
 * tensors, with the weights in a {@link ParameterSet}. Subclasses supply the network-specific encoder and the
 * weight layout; this class does the scoring plumbing and the model directory. Immutable and thread-safe.
 *
 * <p>A model directory holds {@value #WEIGHTS} (every tensor, little-endian floats), {@value #PARAMS} (the
 * hyperparameters as JSON), {@value VocabularyFile#FILE_NAME} (the item vocabulary) and {@value #MODEL} (type,
 * format and provenance: versions, seed, epochs), each written atomically.
 *
 * @param <P> the hyperparameters record, saved as JSON
 */
public abstract class SequenceModel<P> extends EncoderScorerModel<DenseStates> implements AutoCloseable {
  public static final String WEIGHTS = "weights.bin";
  public static final String PARAMS = "params.json";
  public static final String MODEL = "model.json";
  private static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final P params;
  private final ParameterSet weights;
  private final Map<String, Object> provenance;

  /**
   * Takes ownership of {@code weights} (closed with the model).
   *
   * @param numItems the items the weights were sized for; must match the vocabulary
   * @param encoder makes the encoder over the weights (called once the sizes are checked)
   * @param scoreTable the {@code [numItems + 1, stateDim]} table that states are scored against
   */
  protected SequenceModel(String type, P params, ItemVocabulary vocabulary, ParameterSet weights, int numItems,
      Map<String, Object> provenance, Supplier<DenseEncoder> encoder, FloatTensor scoreTable) {
    super(type, sized(vocabulary, numItems), encoder.get(), new DotProductScorer(scoreTable));
    this.params = params;
    this.weights = weights;
    // Insertion order kept, so model.json lists provenance in a stable order.
    this.provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
  }

  private static ItemVocabulary sized(ItemVocabulary vocabulary, int numItems) {
    if (vocabulary.size() != numItems) {
      throw new IllegalArgumentException("vocabulary of " + vocabulary.size() + " items for weights of "
          + numItems);
    }
    return vocabulary;
  }

  public P params() {
    return params;
  }

  /** Training provenance (seed, epochs, versions), as saved in {@value #MODEL}. */
  public Map<String, Object> provenance() {
    return provenance;
  }

  @Override
  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    AtomicFiles.write(dir.resolve(WEIGHTS), weights::writeValues);
    AtomicFiles.writeString(dir.resolve(PARAMS), JSON.writeValueAsString(params));
    VocabularyFile.write(vocabulary(), dir.resolve(VocabularyFile.FILE_NAME));
    ObjectNode model = JSON.createObjectNode();
    model.put("type", type());
    model.put("format", FORMAT);
    model.put("items", numItems());
    model.set("provenance", JSON.valueToTree(provenance));
    AtomicFiles.writeString(dir.resolve(MODEL), JSON.writeValueAsString(model));
  }

  /** What a model directory holds besides the weights. */
  protected record Stored<P>(P params, ItemVocabulary vocabulary, Map<String, Object> provenance) {}

  /**
   * Reads {@value #MODEL} (checking type and format), {@value #PARAMS} and the vocabulary of a directory written
   * by {@link #save}; the caller then sizes the weights from them and calls {@link #readWeights}.
   *
   * @throws IOException naming the file that is missing, of another model type, or inconsistent
   */
  protected static <P> Stored<P> readStored(Path dir, String type, Class<P> paramsType) throws IOException {
    Path modelFile = dir.resolve(MODEL);
    JsonNode model = readJson(modelFile);
    String found = model.path("type").asText("");
    if (!type.equals(found)) {
      throw new IOException(modelFile + ": model type is '" + found + "', not '" + type + "'");
    }
    int format = model.path("format").asInt(-1);
    if (format != FORMAT) {
      throw new IOException(modelFile + ": format " + format + " is not supported (expected " + FORMAT + ")");
    }
    Path paramsFile = dir.resolve(PARAMS);
    P params;
    try {
      params = JSON.treeToValue(readJson(paramsFile), paramsType);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IOException(paramsFile + ": " + e.getMessage(), e);
    }
    ItemVocabulary vocabulary = VocabularyFile.read(dir.resolve(VocabularyFile.FILE_NAME));
    Map<String, Object> provenance = new LinkedHashMap<>();
    JsonNode p = model.path("provenance");
    if (p.isObject()) {
      provenance = JSON.convertValue(p, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
          Object.class));
    }
    return new Stored<>(params, vocabulary, provenance);
  }

  /**
   * Reads {@value #WEIGHTS} into {@code weights}, closing them when that fails.
   *
   * @throws IOException naming the file that is missing or whose layout differs
   */
  protected static void readWeights(Path dir, ParameterSet weights) throws IOException {
    Path weightsFile = dir.resolve(WEIGHTS);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(weightsFile))) {
      weights.readValues(in);
    } catch (NoSuchFileException e) {
      weights.close();
      throw new NoSuchFileException(weightsFile.toString(), null, "weights file is missing");
    } catch (IOException e) {
      weights.close();
      throw new IOException(weightsFile + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode readJson(Path file) throws IOException {
    try {
      return JSON.readTree(file.toFile());
    } catch (FileNotFoundException e) {
      throw new NoSuchFileException(file.toString(), null, "missing from the model directory");
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Frees the native memory of the weights and scratch buffers; the model must not be used afterwards. */
  @Override
  public void close() {
    // The constructor made these two, so the casts cannot fail.
    ((DenseEncoder) encoder()).close();
    ((DotProductScorer) scorer()).close();
    weights.close();
  }
}
