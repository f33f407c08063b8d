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

/**
 * Writes a data set in the {@code sequences} format: one line per user, {@code user item item ...} separated by
 * spaces, items in time order, with dense integer ids (users {@code 1..U} in data set order, items by internal
 * id), as the S3-Rec, CL4SRec, ICLRec and DuoRec code reads it. The external ids go beside it as with
 * {@link SasRecTextWriter}: {@code FILE.items.vocab} and {@code FILE.users}.
 */
public final class SequencesTextWriter {
  private SequencesTextWriter() {}

  /**
   * Writes {@code data} to {@code file} and the two id files beside it, each atomically.
   *
   * @throws IllegalArgumentException before writing anything, for a user with no items (a line the format cannot
   *     hold) or a user id that cannot stand on a line
   */
  public static void write(SequenceDataset data, Path file) throws IOException {
    List<UserSequence> users = data.users();
    SasRecTextWriter.checkUserIds(users);
    for (UserSequence u : users) {
      if (u.length() == 0) {
        throw new IllegalArgumentException("user '" + u.user() + "' has no items: the sequences format has no line"
            + " for an empty sequence");
      }
    }
    AtomicFiles.write(file, out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      StringBuilder sb = new StringBuilder(256);
      for (int u = 0; u < users.size(); u++) {
        UserSequence s = users.get(u);
        sb.setLength(0);
        sb.append(u + 1);
        for (int i = 0; i < s.length(); i++) {
          sb.append(' ').append(s.item(i));
        }
        w.append(sb).append('\n');
      }
      w.flush();
    });
    SasRecTextWriter.writeIdFiles(data, file);
  }
}
