package org.recsys.data.preprocess;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The order in which external ids get dense internal ids: numeric order when every id is an integer (so
 * {@code "2"} comes before {@code "10"} and files with ids 1..n keep them), otherwise lexicographic order of
 * the strings. Independent of the order of lines in the file.
 */
public final class IdOrder {
  private IdOrder() {}

  /** Indices {@code i} with {@code include[i]}, sorted by {@code ids[i]} in id order. */
  public static int[] sort(String[] ids, boolean[] include) {
    int n = 0;
    for (boolean b : include) {
      n += b ? 1 : 0;
    }
    int[] idx = new int[n];
    int k = 0;
    boolean numeric = true;
    for (int i = 0; i < ids.length; i++) {
      if (include[i]) {
        idx[k++] = i;
        numeric &= isInteger(ids[i]);
      }
    }
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = idx[i];
    }
    Comparator<Integer> byString = Comparator.comparing(i -> ids[i]);
    if (numeric) {
      long[] values = new long[ids.length];
      for (int i : idx) {
        values[i] = Long.parseLong(ids[i]);
      }
      Arrays.sort(boxed, Comparator.<Integer>comparingLong(i -> values[i]).thenComparing(byString));
    } else {
      Arrays.sort(boxed, byString);
    }
    for (int i = 0; i < n; i++) {
      idx[i] = boxed[i];
    }
    return idx;
  }

  /** True when every id is an integer, so that {@link #sort} orders them numerically. */
  public static boolean allIntegers(java.util.Collection<String> ids) {
    for (String id : ids) {
      if (!isInteger(id)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A warning when most ids are integers but some are not: one stray token (a header line, a typo) then orders
   * every id as a string, {@code "10"} before {@code "2"}, which is rarely what was meant. Empty when all or
   * none of the ids are integers.
   *
   * @param what what the ids are, e.g. {@code item}
   */
  public static java.util.Optional<String> mixedWarning(java.util.Collection<String> ids, String what) {
    int others = 0;
    String example = null;
    for (String id : ids) {
      if (!isInteger(id)) {
        others++;
        example = example == null ? id : example;
      }
    }
    if (others == 0 || others == ids.size()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(others + " of " + ids.size() + " " + what + " ids are not integers (e.g. '" + example
        + "'), so all " + what + " ids are ordered as strings ('10' before '2'); if the ids are numbers, fix or"
        + " remove the lines with those ids");
  }

  private static boolean isInteger(String s) {
    int n = s.length();
    if (n == 0 || n > 18) {
      return false;
    }
    int start = s.charAt(0) == '-' ? 1 : 0;
    if (start == n) {
      return false;
    }
    for (int i = start; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
