package org.recsys.data.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.recsys.api.AtomicFiles;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;
import org.recsys.api.VocabularyFile;

/**
 * Writes a data set in the SASRec text format: {@code user item} per line with dense integer ids (users
 * {@code 1..U} in data set order, items by internal id), each user's lines in time order, as the original
 * SASRec code reads it. The external ids go next to it: {@code FILE.items.vocab} (line {@code i} = item
 * {@code i}, as {@link VocabularyFile}) and {@code FILE.users} (line {@code u} = user {@code u}).
 */
public final class SasRecTextWriter {
  private SasRecTextWriter() {}

  /** Writes {@code data} to {@code file} and the two id files beside it, each atomically. */
  public static void write(SequenceDataset data, Path file) throws IOException {
    List<UserSequence> users = data.users();
    checkUserIds(users);
    AtomicFiles.write(file, out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      StringBuilder sb = new StringBuilder(32);
      for (int u = 0; u < users.size(); u++) {
        UserSequence s = users.get(u);
        for (int i = 0; i < s.length(); i++) {
          sb.setLength(0);
          sb.append(u + 1).append(' ').append(s.item(i)).append('\n');
          w.append(sb);
        }
      }
      w.flush();
    });
    writeIdFiles(data, file);
  }

  /** Fails before anything is written when a user id cannot stand on a line of {@code FILE.users}. */
  static void checkUserIds(List<UserSequence> users) {
    for (UserSequence u : users) {
      if (u.user().isEmpty() || u.user().indexOf('\n') >= 0 || u.user().indexOf('\r') >= 0) {
        throw new IllegalArgumentException("user id '" + u.user() + "' cannot be written one per line");
      }
    }
  }

  /**
   * Writes the external ids of the dense ids in {@code file}: {@code FILE.items.vocab} and {@code FILE.users},
   * each atomically.
   */
  static void writeIdFiles(SequenceDataset data, Path file) throws IOException {
    VocabularyFile.write(data.items(), sibling(file, ".items.vocab"));
    AtomicFiles.write(sibling(file, ".users"), out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      for (UserSequence s : data.users()) {
        w.write(s.user());
        w.write('\n');
      }
      w.flush();
    });
  }

  /** {@code file} with {@code suffix} appended to its name. */
  public static Path sibling(Path file, String suffix) {
    return file.resolveSibling(file.getFileName() + suffix);
  }
}
