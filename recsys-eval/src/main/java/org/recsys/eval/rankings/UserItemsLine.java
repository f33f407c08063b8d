package org.recsys.eval.rankings;

import java.nio.file.Path;

/**
 * One {@code user<TAB>item1,item2,...} line. Ids are trimmed of surrounding white space; ids may not be empty.
 *
 * @param user the user id
 * @param items the item ids in file order
 */
record UserItemsLine(String user, String[] items) {
  private static final String[] NONE = new String[0];

  /**
   * Parses a non-blank line.
   *
   * @param allowNoItems whether {@code user<TAB>} with nothing after it is accepted (an empty ranking)
   */
  static UserItemsLine parse(String text, Path file, int line, boolean allowNoItems) throws RankingsFileException {
    int tab = text.indexOf('\t');
    if (tab < 0) {
      throw new RankingsFileException(file, line, "expected user<TAB>item[,item...], found no tab in '"
          + abbreviate(text) + "'");
    }
    if (text.indexOf('\t', tab + 1) >= 0) {
      throw new RankingsFileException(file, line, "expected user<TAB>item[,item...], found more than one tab");
    }
    String user = text.substring(0, tab).trim();
    if (user.isEmpty()) {
      throw new RankingsFileException(file, line, "empty user id");
    }
    String rest = text.substring(tab + 1).trim();
    if (rest.isEmpty()) {
      if (allowNoItems) {
        return new UserItemsLine(user, NONE);
      }
      throw new RankingsFileException(file, line, "user " + user + " has no items");
    }
    String[] items = rest.split(",", -1);
    for (int i = 0; i < items.length; i++) {
      items[i] = items[i].trim();
      if (items[i].isEmpty()) {
        throw new RankingsFileException(file, line, "user " + user + ": empty item id at position " + (i + 1));
      }
    }
    return new UserItemsLine(user, items);
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
