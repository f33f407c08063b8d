package org.recsys.cli.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.ScoredItem;
import org.recsys.api.explain.AttentionMap;
import org.recsys.api.explain.AttentionMaps;
import org.recsys.api.explain.Contribution;
import org.recsys.api.explain.Explanation;

/**
 * One history's recommendations in the user's own ids, with what drove them: what the table, the JSON and the
 * page show.
 *
 * @param model the model's type
 * @param history every id of {@code --history}, unknown ones included
 * @param recommendations best first
 * @param explained whether the recommendations carry their drivers (and attention was asked for)
 * @param attentionAvailable whether the model reports attention at all
 * @param attention the last position's attention per layer and head; empty for a model without attention layers,
 *     an empty history, or when not explained
 */
public record ExplanationReport(String model, List<HistoryItem> history, List<ExplainedItem> recommendations,
    boolean explained, boolean attentionAvailable, List<AttentionView> attention) {
  public ExplanationReport {
    history = List.copyOf(history);
    recommendations = List.copyOf(recommendations);
    attention = List.copyOf(attention);
  }

  /** Plain recommendations, without drivers. */
  public static ExplanationReport plain(String model, List<HistoryItem> history, List<ScoredItem> top,
      ItemVocabulary vocabulary, Map<String, String> titles) {
    List<ExplainedItem> items = new ArrayList<>();
    for (ScoredItem s : top) {
      String id = vocabulary.externalId(s.item());
      items.add(new ExplainedItem(items.size() + 1, id, titles.get(id), s.score(), List.of()));
    }
    return new ExplanationReport(model, history, items, false, false, List.of());
  }

  /**
   * Explained recommendations.
   *
   * @param known the entries of {@code history} the model scored, in order: {@code known.get(p)} is history
   *     position {@code p} of the explanations and the attention maps
   * @param attention the model's attention maps, or null when it reports none
   */
  public static ExplanationReport explained(String model, List<HistoryItem> history, List<HistoryItem> known,
      List<Explanation> explanations, AttentionMaps attention, ItemVocabulary vocabulary, Map<String, String> titles) {
    List<ExplainedItem> items = new ArrayList<>();
    for (Explanation e : explanations) {
      List<Driver> drivers = new ArrayList<>();
      for (Contribution c : e.contributions()) {
        drivers.add(new Driver(known.get(c.position()), c.drop(), c.share()));
      }
      String id = vocabulary.externalId(e.item());
      items.add(new ExplainedItem(items.size() + 1, id, titles.get(id), e.score(), drivers));
    }
    List<AttentionView> views = new ArrayList<>();
    if (attention != null) {
      for (AttentionMap m : attention.maps()) {
        List<AttendedItem> weights = new ArrayList<>();
        int[] window = attention.window();
        for (int slot = 0; slot < window.length; slot++) {
          if (window[slot] >= 0) {
            weights.add(new AttendedItem(known.get(window[slot]), m.weight(slot)));
          } else if (window[slot] == AttentionMaps.SPECIAL_TOKEN) {
            weights.add(new AttendedItem(null, m.weight(slot)));
          }
        }
        views.add(new AttentionView(m.layer(), m.kind(), m.head(), weights));
      }
    }
    return new ExplanationReport(model, history, items, true, attention != null, views);
  }

  /** The ids of {@code --history} the model does not know. */
  public List<HistoryItem> unknown() {
    return history.stream().filter(h -> !h.known()).toList();
  }
}
