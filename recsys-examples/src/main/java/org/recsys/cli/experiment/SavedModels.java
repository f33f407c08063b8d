package org.recsys.cli.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.recsys.api.ChecksumList;
import org.recsys.api.TrainedModel;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.wiring.ModelRegistry;
import org.recsys.store.ModelDirectory;
import org.recsys.store.ModelManifest;

/**
 * Saves any model and loads any saved model through the factory registered under the type its {@link ModelManifest} names. Every
 * model seals its own directory when it saves ({@link ModelDirectory}), so a model file that was damaged, cut
 * short or appended to is refused by name before any factory reads it.
 */
public final class SavedModels {
  private SavedModels() {}

  /**
   * Saves {@code model} into {@code dir} and checks the result reads back as a sealed model directory. A model
   * whose {@code save} does not seal its directory (a third-party model written against recsys-api alone) is
   * sealed here with a manifest of its type and item count.
   *
   * @throws IOException naming the manifest when what the model wrote is not a readable manifest
   */
  public static void save(TrainedModel model, Path dir) throws IOException {
    model.save(dir);
    if (!Files.isRegularFile(dir.resolve(ModelManifest.FILE_NAME))) {
      ModelDirectory.seal(dir, ModelManifest.of(model.type(), model.type(), 1, model.numItems(), null, Map.of(),
          Map.of()));
    } else if (!ChecksumList.exists(dir)) {
      ChecksumList.write(dir);
    }
    ModelManifest manifest = ModelDirectory.open(dir);
    if (!manifest.type().equals(model.type()) || manifest.items() != model.numItems()) {
      throw new IOException(dir.resolve(ModelManifest.FILE_NAME) + ": the '" + model.type() + "' model of "
          + model.numItems() + " items wrote a manifest of type '" + manifest.type() + "' with " + manifest.items()
          + " items");
    }
  }

  /**
   * Loads the model in {@code dir}, which may be a model directory or a run directory holding {@code model/}.
   *
   * @throws NoSuchFileException naming the directory when it holds no saved model
   * @throws IOException naming the file that fails its checksum, or the manifest when it is malformed or the
   *     loaded model does not match it
   */
  public static TrainedModel load(Path dir, ModelRegistry registry) throws IOException {
    Path modelDir = resolveModelDir(dir);
    ModelManifest manifest = ModelDirectory.open(modelDir);
    TrainedModel model = registry.factory(manifest.type()).load(modelDir);
    if (model.numItems() != manifest.items()) {
      throw new IOException(modelDir.resolve(ModelManifest.FILE_NAME) + ": says " + manifest.items()
          + " items, but the model in " + modelDir + " has " + model.numItems());
    }
    return model;
  }

  /** The model directory of {@code dir}: itself, or its {@code model/} child for a run directory. */
  public static Path resolveModelDir(Path dir) throws NoSuchFileException {
    if (ModelDirectory.holdsModel(dir)) {
      return dir;
    }
    Path child = dir.resolve(RunFiles.MODEL_DIR);
    if (ModelDirectory.holdsModel(child)) {
      return child;
    }
    throw new NoSuchFileException(dir.toString(), null, "no saved model here (expected " + ModelManifest.FILE_NAME
        + " in it or in " + RunFiles.MODEL_DIR + "/)");
  }
}
