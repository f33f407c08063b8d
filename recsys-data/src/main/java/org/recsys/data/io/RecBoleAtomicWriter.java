package org.recsys.data.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.recsys.api.AtomicFiles;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

/**
 * Writes a data set as RecBole atomic files: {@code DIR/NAME.inter} with header
 * {@code user_id:token item_id:token timestamp:float} and external ids, each user's rows in time order; and,
 * when titles are given, {@code DIR/NAME.item} with {@code item_id:token title:token_seq}. Data without
 * timestamps gets each interaction's position in its user's sequence as the timestamp, so RecBole keeps the
 * order. Ratings are not written: preprocessing turns data into implicit feedback.
 */
public final class RecBoleAtomicWriter {
  private RecBoleAtomicWriter() {}

  /**
   * Writes the files atomically.
   *
   * @param titles item external id to title, or null/empty for no {@code .item} file
   * @return the {@code .inter} file written
   */
  public static Path write(SequenceDataset data, Path dir, String name, Map<String, String> titles)
      throws IOException {
    for (UserSequence u : data.users()) {
      checkToken(u.user(), "user id");
    }
    for (String id : data.items().externalIds()) {
      checkToken(id, "item id");
    }
    Path inter = dir.resolve(name + ".inter");
    AtomicFiles.write(inter, out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      w.write("user_id:token\titem_id:token\ttimestamp:float\n");
      StringBuilder sb = new StringBuilder(64);
      for (UserSequence s : data.users()) {
        boolean timed = s.hasTimestamps();
        for (int i = 0; i < s.length(); i++) {
          sb.setLength(0);
          sb.append(s.user()).append('\t').append(data.items().externalId(s.item(i))).append('\t')
              .append(timed ? s.timestamp(i) : i).append('\n');
          w.append(sb);
        }
      }
      w.flush();
    });
    if (titles != null && !titles.isEmpty()) {
      AtomicFiles.write(dir.resolve(name + ".item"), out -> {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write("item_id:token\ttitle:token_seq\n");
        for (String id : data.items().externalIds()) {
          String title = titles.get(id);
          if (title != null) {
            w.write(id);
            w.write('\t');
            w.write(title.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
            w.write('\n');
          }
        }
        w.flush();
      });
    }
    return inter;
  }

  private static void checkToken(String id, String what) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        throw new IllegalArgumentException(what + " '" + id + "' holds a tab or line break: not a RecBole token");
      }
    }
  }
}
