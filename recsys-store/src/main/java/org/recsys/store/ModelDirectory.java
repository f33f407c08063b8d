package org.recsys.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.recsys.api.AtomicFiles;
import org.recsys.api.ChecksumList;

/**
 * A saved model's directory: the model's own files, its {@link ModelManifest} and, written last, the
 * {@link ChecksumList} that seals it. A directory without the seal was never completely written; a file that
 * fails its checksum was damaged afterwards. Either is refused by name instead of scoring differently.
 */
public final class ModelDirectory {
  /** The manifest file of the layout before this one, recognised only to explain the refusal. */
  private static final String OLD_MANIFEST = "recsys-model.properties";

  private ModelDirectory() {}

  /** True when {@code dir} looks like a saved model directory (it holds a manifest). */
  public static boolean holdsModel(Path dir) {
    return Files.isRegularFile(dir.resolve(ModelManifest.FILE_NAME)) || Files.isRegularFile(dir.resolve(OLD_MANIFEST));
  }

  /**
   * Writes {@code manifest} into {@code dir}, where the model has already written its own files, then the
   * checksum list of everything: call it last in a model's {@code save}.
   */
  public static void seal(Path dir, ModelManifest manifest) throws IOException {
    byte[] bytes = manifest.toJson();
    AtomicFiles.write(dir.resolve(ModelManifest.FILE_NAME), out -> out.write(bytes));
    ChecksumList.write(dir);
  }

  /**
   * Verifies the seal of {@code dir} and reads its manifest.
   *
   * @throws NoSuchFileException naming the directory when it holds no saved model
   * @throws IOException naming the file that fails its checksum, or the manifest when it is malformed or of an
   *     older layout
   */
  public static ModelManifest open(Path dir) throws IOException {
    Path file = dir.resolve(ModelManifest.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      if (Files.isRegularFile(dir.resolve(OLD_MANIFEST))) {
        throw new IOException(dir.resolve(OLD_MANIFEST) + ": this model was saved by an older recsys, whose model "
            + "layout this version no longer reads; train it again with this version");
      }
      throw new NoSuchFileException(dir.toString(), null, "no saved model here (no " + ModelManifest.FILE_NAME
          + ")");
    }
    if (!ChecksumList.exists(dir)) {
      throw new IOException(dir + ": the model directory has no " + ChecksumList.FILE_NAME
          + ", so it was never completely written (or was saved by an older recsys); save or train it again");
    }
    ChecksumList.verify(dir);
    JsonNode root;
    try {
      root = ModelManifest.JSON.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    return ModelManifest.fromJson(root, file);
  }

  /**
   * Verifies and reads {@code dir} and checks it was written by {@code type} in {@code format}.
   *
   * @throws IOException as {@link #open} and {@link ModelManifest#expect}
   */
  public static ModelManifest open(Path dir, String type, int format) throws IOException {
    return open(dir).expect(type, format, dir);
  }
}
