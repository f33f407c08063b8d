package org.recsys.cli.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import org.recsys.api.AtomicFiles;
import org.recsys.api.TrainedModel;
import org.recsys.cli.VersionProvider;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.wiring.ModelRegistry;

/**
 * Saves a model with a small manifest naming its type, and loads any saved model back through the factory
 * registered under that type.
 */
public final class SavedModels {
  /** The manifest file inside a model directory. */
  public static final String MANIFEST = "recsys-model.properties";

  private SavedModels() {}

  /** Saves {@code model} into {@code dir} and writes the manifest last, so a complete manifest means a complete model. */
  public static void save(TrainedModel model, Path dir) throws IOException {
    model.save(dir);
    Properties p = new Properties();
    p.setProperty("type", model.type());
    p.setProperty("items", Integer.toString(model.numItems()));
    p.setProperty("recsysVersion", VersionProvider.version());
    AtomicFiles.write(dir.resolve(MANIFEST), out -> p.store(out, "recsys saved model"));
  }

  /**
   * Loads the model in {@code dir}, which may be a model directory or a run directory holding {@code model/}.
   *
   * @throws NoSuchFileException naming the directory when it holds no saved model
   */
  public static TrainedModel load(Path dir, ModelRegistry registry) throws IOException {
    Path modelDir = resolveModelDir(dir);
    Properties p = new Properties();
    try (var in = Files.newInputStream(modelDir.resolve(MANIFEST))) {
      p.load(in);
    }
    String type = p.getProperty("type");
    if (type == null) {
      throw new IOException(modelDir.resolve(MANIFEST) + ": no 'type' entry");
    }
    return registry.factory(type).load(modelDir);
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
