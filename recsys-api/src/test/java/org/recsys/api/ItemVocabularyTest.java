package org.recsys.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ItemVocabularyTest {
  private final ItemVocabulary vocab = ItemVocabulary.of(List.of("apple", "pear", "fig"));

  @Test
  void mapsExternalIdsToDenseIdsFromOne() {
    assertThat(vocab.size()).isEqualTo(3);
    assertThat(vocab.id("apple")).isEqualTo(1);
    assertThat(vocab.id("fig")).isEqualTo(3);
    assertThat(vocab.externalId(2)).isEqualTo("pear");
    assertThat(vocab.find("kiwi")).isEmpty();
  }

  @Test
  void zeroIsPaddingAndNeverAnItem() {
    assertThat(ItemVocabulary.PADDING).isZero();
    assertThat(vocab.contains(0)).isFalse();
    assertThatThrownBy(() -> vocab.externalId(0)).hasMessageContaining("0 is padding");
  }

  @Test
  void rejectsIdsOutOfRange() {
    assertThat(vocab.contains(4)).isFalse();
    assertThatThrownBy(() -> vocab.externalId(4)).hasMessageContaining("valid: 1..3");
    assertThatThrownBy(() -> vocab.requireItems(new int[] {1, 5}, "history of user u1"))
        .hasMessageContaining("history of user u1").hasMessageContaining("item id 5 at position 1");
  }

  @Test
  void unknownExternalIdIsNamed() {
    assertThatThrownBy(() -> vocab.id("kiwi")).isInstanceOf(UnknownItemException.class)
        .hasMessageContaining("'kiwi'");
  }

  @Test
  void duplicateExternalIdsAreRejected() {
    assertThatThrownBy(() -> ItemVocabulary.of(List.of("a", "b", "a"))).hasMessageContaining("duplicate")
        .hasMessageContaining("'a'");
  }
}
