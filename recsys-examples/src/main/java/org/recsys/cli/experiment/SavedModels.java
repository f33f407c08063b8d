package org.recsys.cli.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import org.recsys.api.AtomicFiles;
import org.recsys.api.ChecksumList;
import org.recsys.api.TrainedModel;
import org.recsys.cli.VersionProvider;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.wiring.ModelRegistry;

/**
 * Saves a model with a small manifest naming its type, and loads any saved model back through the factory
 * registered under that type. Whatever the model writes, a {@link ChecksumList} of the directory goes in last
 * and is verified before loading, so a model file that was damaged, cut short or appended to is refused by
 * name instead of scoring differently.
 */
public final class SavedModels {
  /** The manifest file inside a model directory. */
  public static final String MANIFEST = "recsys-model.properties";

  private SavedModels() {}

  /**
   * Saves {@code model} into {@code dir}, then the manifest, then the checksum list of everything, so a directory
   * with a checksum list is a complete model.
   */
  public static void save(TrainedModel model, Path dir) throws IOException {
    model.save(dir);
    Properties p = new Properties();
    p.setProperty("type", model.type());
    p.setProperty("items", Integer.toString(model.numItems()));
    p.setProperty("recsysVersion", VersionProvider.version());
    AtomicFiles.write(dir.resolve(MANIFEST), out -> p.store(out, "recsys saved model"));
    ChecksumList.write(dir);
  }

  /**
   * Loads the model in {@code dir}, which may be a model directory or a run directory holding {@code model/}.
   *
   * @throws NoSuchFileException naming the directory when it holds no saved model
   * @throws IOException naming the file that fails its checksum, or the manifest when the loaded model does not
   *     match it
   */
  public static TrainedModel load(Path dir, ModelRegistry registry) throws IOException {
    Path modelDir = resolveModelDir(dir);
    ChecksumList.verify(modelDir);
    Path manifest = modelDir.resolve(MANIFEST);
    Properties p = new Properties();
    try (var in = Files.newInputStream(manifest)) {
      p.load(in);
    }
    String type = p.getProperty("type");
    if (type == null) {
      throw new IOException(manifest + ": no 'type' entry");
    }
    int items = manifestItems(manifest, p);
    TrainedModel model = registry.factory(type).load(modelDir);
    if (model.numItems() != items) {
      throw new IOException(manifest + ": says " + items + " items, but the model in " + modelDir + " has "
          + model.numItems());
    }
    return model;
  }

  private static int manifestItems(Path manifest, Properties p) throws IOException {
    String items = p.getProperty("items");
    try {
      int n = Integer.parseInt(items == null ? "" : items.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IOException(manifest + ": 'items' must be a positive integer, got " + (items == null ? "nothing"
        : "'" + items + "'"));
  }

  /** The model directory of {@code dir}: itself, or its {@code model/} child for a run directory. */
  public static Path resolveModelDir(Path dir) throws NoSuchFileException {
    if (Files.isRegularFile(dir.resolve(MANIFEST))) {
      return dir;
    }
    Path child = dir.resolve(RunFiles.MODEL_DIR);
    if (Files.isRegularFile(child.resolve(MANIFEST))) {
      return child;
    }
    throw new NoSuchFileException(dir.toString(), null, "no saved model here (expected " + MANIFEST + " in it or in "
        + RunFiles.MODEL_DIR + "/)");
  }
}
