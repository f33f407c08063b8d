package org.recsys.cli.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An explanation as JSON: the history, the recommendations (each with every driver, when explained) and the
 * attention. Positions are places in {@code --history}, from 1; titles appear where there are any.
 */
public final class ExplanationJson {
  private final ObjectMapper json;

  public ExplanationJson(ObjectMapper json) {
    this.json = json;
  }

  public ObjectNode render(ExplanationReport report) {
    ObjectNode root = json.createObjectNode();
    root.put("model", report.model());
    ArrayNode history = root.putArray("history");
    for (HistoryItem h : report.history()) {
      item(history.addObject(), h).put("known", h.known());
    }
    ArrayNode recommendations = root.putArray("recommendations");
    for (ExplainedItem item : report.recommendations()) {
      ObjectNode r = recommendations.addObject();
      r.put("rank", item.rank());
      r.put("item", item.item());
      if (item.title() != null) {
        r.put("title", item.title());
      }
      r.put("score", item.score());
      if (report.explained()) {
        ArrayNode drivers = r.putArray("drivers");
        for (Driver d : item.drivers()) {
          item(drivers.addObject(), d.item()).put("drop", d.drop()).put("share", d.share());
        }
      }
    }
    if (report.explained()) {
      ObjectNode definitions = root.putObject("definitions");
      definitions.put("drop", "the item's score minus its score with that one history item left out (occlusion)");
      definitions.put("share", "max(drop, 0) divided by the sum of the positive drops of all history items");
      definitions.put("attention", "the last position's attention weights: where the model looked, not what caused"
          + " a recommendation");
      if (report.attentionAvailable()) {
        ArrayNode attention = root.putArray("attention");
        for (AttentionView view : report.attention()) {
          ObjectNode a = attention.addObject();
          a.put("layer", view.layer());
          a.put("kind", view.kind());
          a.put("head", view.head());
          ArrayNode weights = a.putArray("weights");
          for (AttendedItem w : view.weights()) {
            ObjectNode o = weights.addObject();
            if (w.item() == null) {
              o.put("token", "model");
            } else {
              item(o, w.item());
            }
            o.put("weight", w.weight());
          }
        }
      } else {
        root.putNull("attention");
      }
    }
    return root;
  }

  private static ObjectNode item(ObjectNode node, HistoryItem h) {
    node.put("position", h.position());
    node.put("item", h.item());
    if (h.title() != null) {
      node.put("title", h.title());
    }
    return node;
  }
}
