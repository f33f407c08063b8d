package org.recsys.baselines.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.recsys.api.AtomicFiles;
import org.recsys.api.EncoderScorerModel;
import org.recsys.api.HistoryWindow;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.SequenceDataset;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingStoppedException;
import org.recsys.api.VocabularyFile;
import org.recsys.store.ModelDirectory;
import org.recsys.store.ModelManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;

/**
 * Next-item prediction with a Tribuo classifier: a {@link TribuoFeatureEncoder} paired with a
 * {@link TribuoScorer}. The Tribuo model keeps its own provenance (trainer, optimiser, data set, versions),
 * to which training adds ours ({@code recsys.*} run provenance: params, seed, example count); it is saved
 * inside Tribuo's protobuf file and as text next to it.
 */
public final class TribuoModel extends EncoderScorerModel<List<Example<Label>>> implements HistoryWindow {
  /** The component name. */
  public static final String TYPE = "tribuo";
  static final int FORMAT = 1;
  /** Tribuo's protobuf serialisation of the classifier, provenance included. */
  public static final String MODEL_FILE = "tribuo-model.pb";
  /** Tribuo's provenance as readable text. */
  public static final String PROVENANCE_FILE = "tribuo-provenance.txt";

  private static final Logger log = LoggerFactory.getLogger(TribuoModel.class);

  private final TribuoParams params;
  private final Model<Label> tribuoModel;
  private final TribuoScorer scorer;
  private final Map<String, String> info;

  TribuoModel(ItemVocabulary vocabulary, TribuoParams params, Model<Label> tribuoModel, Map<String, String> info) {
    super(TYPE, vocabulary, new TribuoFeatureEncoder(params.features(), vocabulary.size()),
        new TribuoScorer(Objects.requireNonNull(tribuoModel, "tribuoModel"), vocabulary.size()));
    this.params = params;
    this.tribuoModel = tribuoModel;
    this.scorer = (TribuoScorer) scorer();
    this.info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
  }

  /**
   * Builds the examples of {@code train} and fits the Tribuo classifier {@code params} names, seeded by
   * {@code context.seed()}.
   *
   * @throws IllegalArgumentException when {@code train} yields no example
   * @throws TrainingStoppedException when the listener asked to stop before training began
   */
  public static TribuoModel train(SequenceDataset train, TribuoParams params, TrainingContext context) {
    long seed = context.seed();
    long start = System.nanoTime();
    MutableDataset<Label> dataset = TrainingExamples.build(train, params, seed);
    double buildSeconds = (System.nanoTime() - start) / 1e9;
    if (context.listener().stopRequested()) {
      throw new TrainingStoppedException(0, "stopped before Tribuo training began");
    }
    Trainer<Label> trainer = TribuoTrainers.create(params, seed, dataset.size());
    Map<String, Provenance> run = new LinkedHashMap<>();
    run.put("recsys.model", new StringProvenance("recsys.model", TYPE));
    run.put("recsys.params", new StringProvenance("recsys.params", ModelManifest.compactJson(params)));
    run.put("recsys.seed", new StringProvenance("recsys.seed", Long.toString(seed)));
    run.put("recsys.examples", new StringProvenance("recsys.examples", Integer.toString(dataset.size())));
    log.info("tribuo: training {} on {} examples, {} labels, {} features ({} epochs)", params.trainer(),
        dataset.size(), dataset.getOutputInfo().size(), dataset.getFeatureMap().size(), params.epochs());
    long trainStart = System.nanoTime();
    Model<Label> model = trainer.train(dataset, run);
    double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
    log.info("tribuo: trained in {} s (examples built in {} s)", String.format("%.1f", trainSeconds),
        String.format("%.1f", buildSeconds));
    Map<String, String> info = new LinkedHashMap<>();
    info.put("items", Integer.toString(train.numItems()));
    info.put("examples", Integer.toString(dataset.size()));
    info.put("labels", Integer.toString(model.getOutputIDInfo().size()));
    info.put("features", Integer.toString(model.getFeatureIDMap().size()));
    info.put("seed", Long.toString(seed));
    info.put("trainSeconds", String.format(java.util.Locale.ROOT, "%.3f", trainSeconds));
    info.put("tribuoModelClass", model.getClass().getName());
    info.put("tribuoVersion", model.getProvenance().getTribuoVersion());
    context.listener().onTrainingEnd(params.epochs());
    return new TribuoModel(train.items(), params, model, info);
  }

  /**
   * Loads a model written by {@link #save}.
   *
   * @throws IOException naming the file when a part is missing or does not fit the others
   */
  public static TribuoModel load(Path dir) throws IOException {
    ModelManifest manifest = ModelDirectory.open(dir, TYPE, FORMAT);
    TribuoParams params = manifest.params(TribuoParams.class, dir);
    ItemVocabulary vocabulary = VocabularyFile.read(dir.resolve(VocabularyFile.FILE_NAME));
    manifest.checkItems(vocabulary.size(), dir);
    Path file = dir.resolve(MODEL_FILE);
    Model<?> raw;
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
      raw = Model.deserializeFromStream(in);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "Tribuo model file is missing");
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + ": not a readable Tribuo model: " + e.getMessage(), e);
    }
    if (!raw.validate(Label.class)) {
      throw new IOException(file + ": the Tribuo model is not a classifier (Label outputs)");
    }
    try {
      return new TribuoModel(vocabulary, params, raw.castModel(Label.class), textInfo(manifest));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> textInfo(ModelManifest manifest) {
    Map<String, String> info = new LinkedHashMap<>();
    manifest.info().forEach((k, v) -> info.put(k, String.valueOf(v)));
    return info;
  }

  /** The items its features read: the position-tagged ones and the bag. */
  @Override
  public int historyWindow() {
    return params.features().window();
  }

  public TribuoParams params() {
    return params;
  }

  /** The trained Tribuo classifier. */
  public Model<Label> tribuoModel() {
    return tribuoModel;
  }

  /** Tribuo's provenance of the classifier, with our {@code recsys.*} entries as run provenance. */
  public ModelProvenance tribuoProvenance() {
    return tribuoModel.getProvenance();
  }

  /** Facts about training: example, label and feature counts, seed, time, Tribuo version. */
  public Map<String, String> info() {
    return info;
  }

  /** The number of items Tribuo saw as labels; the others score {@link TribuoScorer#UNSEEN_LABEL_SCORE}. */
  public int numLabels() {
    return scorer.numLabels();
  }

  @Override
  public void save(Path dir) throws IOException {
    VocabularyFile.write(vocabulary(), dir.resolve(VocabularyFile.FILE_NAME));
    AtomicFiles.write(dir.resolve(MODEL_FILE), tribuoModel::serializeToStream);
    byte[] provenance = tribuoProvenance().toString().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(dir.resolve(PROVENANCE_FILE), out -> out.write(provenance));
    ModelDirectory.seal(dir, ModelManifest.of(TYPE, TYPE, FORMAT, numItems(), null, params, info));
  }
}
