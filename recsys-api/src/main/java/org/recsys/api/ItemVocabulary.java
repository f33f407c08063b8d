package org.recsys.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An immutable, bijective mapping between external item ids (strings, as in the user's files) and dense
 * internal ids {@code 1..size()}. Internal id {@code 0} is reserved for padding and maps to no item.
 */
public final class ItemVocabulary {
  /** The internal id used for padding. It is never an item. */
  public static final int PADDING = 0;

  private final List<String> externalIds;
  private final Map<String, Integer> index;

  private ItemVocabulary(List<String> externalIds) {
    this.externalIds = Collections.unmodifiableList(new ArrayList<>(externalIds));
    this.index = new HashMap<>(externalIds.size() * 2);
    for (int i = 0; i < externalIds.size(); i++) {
      String id = Objects.requireNonNull(externalIds.get(i), "external item id at position " + i);
      if (index.putIfAbsent(id, i + 1) != null) {
        throw new IllegalArgumentException("duplicate external item id '" + id + "'");
      }
    }
  }

  /**
   * Builds a vocabulary in which {@code externalIds.get(i)} has internal id {@code i + 1}.
   *
   * @throws IllegalArgumentException if an id occurs twice
   */
  public static ItemVocabulary of(List<String> externalIds) {
    return new ItemVocabulary(externalIds);
  }

  /** The number of items, {@code n}; valid internal ids are {@code 1..n}. */
  public int size() {
    return externalIds.size();
  }

  /** True when {@code id} is a real item's internal id (not padding, not out of range). */
  public boolean contains(int id) {
    return id >= 1 && id <= externalIds.size();
  }

  /** The internal id of an external id, or empty when the vocabulary does not know it. */
  public OptionalInt find(String externalId) {
    Integer id = index.get(externalId);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /**
   * The internal id of an external id.
   *
   * @throws UnknownItemException if the vocabulary does not know it
   */
  public int id(String externalId) {
    Integer id = index.get(externalId);
    if (id == null) {
      throw new UnknownItemException(externalId);
    }
    return id;
  }

  /**
   * The external id of an internal id.
   *
   * @throws IllegalArgumentException for padding or an id out of range
   */
  public String externalId(int id) {
    if (!contains(id)) {
      throw new IllegalArgumentException(
          "item id " + id + " is not in the vocabulary (valid: 1.." + externalIds.size() + ", 0 is padding)");
    }
    return externalIds.get(id - 1);
  }

  /** External ids in internal-id order: element {@code i} has internal id {@code i + 1}. */
  public List<String> externalIds() {
    return externalIds;
  }

  /**
   * Checks that every id in {@code ids} is a real item of this vocabulary.
   *
   * @param what names the array in the error message, e.g. "history of user 42"
   */
  public void requireItems(int[] ids, String what) {
    for (int i = 0; i < ids.length; i++) {
      if (!contains(ids[i])) {
        throw new IllegalArgumentException(what + ": item id " + ids[i] + " at position " + i
            + " is out of range (valid: 1.." + externalIds.size() + ", 0 is padding)");
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ItemVocabulary other && externalIds.equals(other.externalIds);
  }

  @Override
  public int hashCode() {
    return externalIds.hashCode();
  }

  @Override
  public String toString() {
    return "ItemVocabulary[" + externalIds.size() + " items]";
  }
}
