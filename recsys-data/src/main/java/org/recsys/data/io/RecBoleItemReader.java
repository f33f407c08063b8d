package org.recsys.data.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads item titles from a RecBole {@code .item} side file (tab-separated with a typed header such as
 * {@code item_id:token movie_title:token_seq release_year:token}), for reports and {@code recommend}.
 */
public final class RecBoleItemReader {
  private RecBoleItemReader() {}

  /**
   * Item id to title. The title column is {@code titleColumn}, or when null the first column whose name
   * contains {@code title} (else {@code name}).
   *
   * @throws IOException naming the file and line for a missing column or a short line
   */
  public static Map<String, String> titles(Path file, String idColumn, String titleColumn) throws IOException {
    String idName = idColumn == null ? "item_id" : idColumn;
    try (BufferedReader r = DataFiles.open(file)) {
      String header = r.readLine();
      if (header == null) {
        throw new IOException(file + ": empty file (expected a header line)");
      }
      String[] names = header.split("\t", -1);
      for (int i = 0; i < names.length; i++) {
        int colon = names[i].indexOf(':');
        names[i] = (colon < 0 ? names[i] : names[i].substring(0, colon)).trim();
      }
      int id = Arrays.asList(names).indexOf(idName);
      int title = -1;
      if (titleColumn != null) {
        title = Arrays.asList(names).indexOf(titleColumn);
      } else {
        for (String want : new String[] {"title", "name"}) {
          for (int i = 0; i < names.length && title < 0; i++) {
            if (i != id && names[i].toLowerCase(java.util.Locale.ROOT).contains(want)) {
              title = i;
            }
          }
        }
      }
      if (id < 0 || title < 0) {
        throw new IOException(file + ":1: missing " + (id < 0 ? "item id column '" + idName + "'"
            : titleColumn == null ? "a title column" : "title column '" + titleColumn + "'") + " in header '"
            + header + "'");
      }
      Map<String, String> out = new LinkedHashMap<>();
      String line;
      long lineNo = 1;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length <= Math.max(id, title)) {
          throw new MalformedDataException(file, lineNo, line, "expected " + names.length + " tab-separated fields, found "
              + f.length);
        }
        out.put(f[id].trim(), f[title].trim());
      }
      return out;
    }
  }
}
