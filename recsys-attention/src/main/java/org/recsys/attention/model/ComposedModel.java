package org.recsys.attention.model;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.recsys.api.AtomicFiles;
import org.recsys.api.ConfigException;
import org.recsys.api.EncoderScorerModel;
import org.recsys.api.HistoryWindow;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.VocabularyFile;
import org.recsys.api.explain.AttentionExplainable;
import org.recsys.api.explain.AttentionMaps;
import org.recsys.attention.nn.DenseStates;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.spec.Blueprint;
import org.recsys.attention.spec.Components;
import org.recsys.attention.spec.SequentialSpec;
import org.recsys.store.ModelDirectory;
import org.recsys.store.ModelManifest;

/**
 * A trained composed sequential model: its encoder (histories to the state at the last position) and its head,
 * over weights it owns. Immutable and thread-safe.
 *
 * <p>A model directory holds {@value #WEIGHTS} (every tensor by name, little-endian floats),
 * {@value VocabularyFile#FILE_NAME}, and the {@link ModelManifest} whose {@code params} are the canonical spec
 * (every default written out) and whose {@code info} is the training provenance; each written atomically, the
 * directory sealed by {@link ModelDirectory}. The manifest's {@code backend} is the spec's: the backend that trained
 * the weights. Inference runs on the native kernels whatever it is, since both backends share one layout.
 */
public final class ComposedModel extends EncoderScorerModel<DenseStates> implements AttentionExplainable,
    HistoryWindow, AutoCloseable {
  /** The registered model type of every composed model, whatever its spec. */
  public static final String TYPE = "sequential";
  public static final String WEIGHTS = "weights.bin";
  private static final int FORMAT = 3;

  private final SequentialSpec spec;
  private final Architecture architecture;
  private final ParameterSet weights;
  private final Map<String, Object> provenance;

  private ComposedModel(SequentialSpec spec, Architecture architecture, ParameterSet weights, ItemVocabulary vocabulary,
      Map<String, Object> provenance) {
    super(TYPE, vocabulary, new ComposedEncoder(architecture, weights),
        new HeadScorer(architecture.head().scoring(weights, null)));
    if (vocabulary.size() != architecture.numItems()) {
      throw new IllegalArgumentException("a vocabulary of " + vocabulary.size() + " items for a model of "
          + architecture.numItems());
    }
    this.spec = spec;
    this.architecture = architecture;
    this.weights = weights;
    this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
  }

  /** A model holding a copy of {@code trained}'s current values. */
  public static ComposedModel copyOf(SequentialSpec spec, Architecture architecture, ParameterSet trained,
      ItemVocabulary vocabulary, Map<String, Object> provenance) {
    ParameterSet copy = architecture.layout().allocate();
    copy.copyValuesFrom(trained);
    return new ComposedModel(spec, architecture, copy, vocabulary, provenance);
  }

  /** What runs and reports call the model (the spec's name, e.g. {@code sasrec}). */
  @Override
  public String name() {
    return spec.name();
  }

  /** The canonical spec the model was built from. */
  public SequentialSpec spec() {
    return spec;
  }

  public Architecture architecture() {
    return architecture;
  }

  /** The weights, by name (read-only use). */
  public ParameterSet weights() {
    return weights;
  }

  /** Training provenance (seed, epochs, versions), as saved in the manifest's {@code info}. */
  public Map<String, Object> provenance() {
    return provenance;
  }

  /** The history items the encoder's window holds: {@code maxLen}, less the tokens the objective appends. */
  @Override
  public int historyWindow() {
    return ((ComposedEncoder) encoder()).historyWindow();
  }

  /**
   * The last position's weights in every self-attention head and attention-pooling block, over the window of
   * {@code maxLen} slots the encoder reads; empty maps for an encoder without attention or an empty history.
   */
  @Override
  public AttentionMaps attention(int[] history) {
    return ((ComposedEncoder) encoder()).attention(history);
  }

  @Override
  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    AtomicFiles.write(dir.resolve(WEIGHTS), weights::writeValues);
    VocabularyFile.write(vocabulary(), dir.resolve(VocabularyFile.FILE_NAME));
    ModelDirectory.seal(dir, ModelManifest.of(TYPE, spec.name(), FORMAT, numItems(), spec.backend(), spec,
        provenance));
  }

  /**
   * Loads a model that {@link #save} wrote, building its architecture from the saved spec with
   * {@code components}.
   *
   * @throws IOException naming the file that is missing, damaged, of another type or format, or inconsistent
   */
  public static ComposedModel load(Path dir, Components components) throws IOException {
    ModelManifest manifest = ModelDirectory.open(dir, TYPE, FORMAT);
    Blueprint blueprint;
    try {
      blueprint = components.resolve(manifest.params(SequentialSpec.class, dir));
    } catch (ConfigException e) {
      throw new IOException(dir.resolve(ModelManifest.FILE_NAME) + ": bad 'params': " + e.getMessage(), e);
    }
    ItemVocabulary vocabulary = VocabularyFile.read(dir.resolve(VocabularyFile.FILE_NAME));
    manifest.checkItems(vocabulary.size(), dir);
    Architecture architecture = blueprint.architecture(vocabulary.size());
    ParameterSet weights = architecture.layout().allocate();
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
    return new ComposedModel(blueprint.spec(), architecture, weights, vocabulary, manifest.info());
  }

  /** Frees the native memory of the weights and scratch buffers; the model must not be used afterwards. */
  @Override
  public void close() {
    ((ComposedEncoder) encoder()).close();
    ((HeadScorer) scorer()).close();
    weights.close();
  }
}
