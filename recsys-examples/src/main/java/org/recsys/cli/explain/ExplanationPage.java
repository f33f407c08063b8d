package org.recsys.cli.explain;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.util.Locale;

/**
 * An explanation as one self-contained HTML page: the history as a row of items, each recommendation with bars
 * for its top drivers, and the attention as the history row shaded by weight. Every text from the data is
 * escaped.
 */
public final class ExplanationPage {
  private static final Escaper HTML = HtmlEscapers.htmlEscaper();
  private static final String STYLE = "body{font-family:sans-serif;max-width:62em;margin:2em auto;color:#222}"
      + ".history{display:flex;flex-wrap:wrap;gap:.4em;list-style:none;padding:0}"
      + ".item{border:1px solid #bbb;border-radius:4px;padding:.3em .5em;max-width:11em;font-size:.9em}"
      + ".item .pos{color:#777;font-size:.8em}.item .title{display:block;color:#555}"
      + ".unknown{opacity:.45;border-style:dashed}.recommendation{margin:1.2em 0}"
      + "table{border-collapse:collapse}td,th{padding:.15em .6em;text-align:left}td.num{text-align:right}"
      + ".bar{display:inline-block;width:14em;height:.9em;background:#eee;vertical-align:middle}"
      + ".bar span{display:block;height:100%;background:#3b7dd8}.note{color:#555;font-size:.9em}";

  private final int top;

  /** @param top how many drivers to draw per recommendation, {@code >= 1} */
  public ExplanationPage(int top) {
    this.top = top;
  }

  public String render(ExplanationReport report) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Why these recommendations"
        + "</title>\n<style>").append(STYLE).append("</style></head><body>\n");
    h.append("<h1>Why these recommendations</h1>\n<p>Model <code>").append(esc(report.model())).append("</code>. ")
        .append(esc(ExplanationTable.OCCLUSION_NOTE)).append("</p>\n");
    h.append("<h2>History</h2>\n<ol class=\"history\" id=\"history\">\n");
    for (HistoryItem item : report.history()) {
      historyItem(h, item, item.known() ? "" : " unknown", "", item.known() ? "" : " (unknown id, left out)");
    }
    h.append("</ol>\n<h2>Recommendations</h2>\n");
    for (ExplainedItem item : report.recommendations()) {
      h.append("<section class=\"recommendation\" data-item=\"").append(esc(item.item())).append("\">\n<h3>")
          .append(item.rank()).append(". ").append(esc(item.label()))
          .append(String.format(Locale.ROOT, " <small>score %.5f</small></h3>%n", item.score()));
      if (item.drivers().isEmpty()) {
        h.append("<p class=\"note\">No history item to explain it by.</p>\n</section>\n");
        continue;
      }
      h.append("<table class=\"drivers\"><tr><th>#</th><th>history item</th><th>drop</th><th>share</th></tr>\n");
      for (Driver d : item.drivers().subList(0, Math.min(top, item.drivers().size()))) {
        h.append("<tr data-item=\"").append(esc(d.item().item())).append("\" data-position=\"")
            .append(d.item().position()).append("\"><td class=\"num\">").append(d.item().position())
            .append("</td><td>").append(esc(d.item().label()))
            .append(String.format(Locale.ROOT, "</td><td class=\"num\">%+.5f</td>", d.drop()))
            .append(String.format(Locale.ROOT, "<td><span class=\"bar\" title=\"%s\"><span style=\"width:%.1f%%\">"
                + "</span></span> %s</td></tr>%n", ExplanationTable.percent(d.share()), 100 * d.share(),
                ExplanationTable.percent(d.share())));
      }
      h.append("</table>\n</section>\n");
    }
    attention(h, report);
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void attention(StringBuilder h, ExplanationReport report) {
    h.append("<h2>Attention</h2>\n<p class=\"note\">").append(esc(ExplanationTable.ATTENTION_NOTE)).append("</p>\n");
    if (!report.attentionAvailable()) {
      h.append("<p>Not reported by this model.</p>\n");
      return;
    }
    if (report.attention().isEmpty()) {
      h.append("<p>None: the model has no attention layers, or the history is empty.</p>\n");
      return;
    }
    for (AttentionView view : report.attention()) {
      h.append("<section class=\"attention\" data-layer=\"").append(esc(view.layer())).append("\" data-head=\"")
          .append(view.head()).append("\">\n<h3>").append(esc(view.layer())).append(", head ").append(view.head())
          .append(" (").append(esc(view.kind())).append(")</h3>\n<ol class=\"history\">\n");
      for (AttendedItem a : view.weights()) {
        String shade = String.format(Locale.ROOT, " style=\"background:rgba(59,125,216,%.3f)\"", a.weight());
        String weight = String.format(Locale.ROOT, " %.3f", a.weight());
        if (a.item() == null) {
          h.append("<li class=\"item\"").append(shade).append("><b>").append(esc(a.label())).append("</b>")
              .append(weight).append("</li>\n");
        } else {
          historyItem(h, a.item(), "", shade, weight);
        }
      }
      h.append("</ol>\n</section>\n");
    }
  }

  /** @param style a {@code style} attribute or empty; {@code after} is text, escaped here */
  private static void historyItem(StringBuilder h, HistoryItem item, String classes, String style, String after) {
    h.append("<li class=\"item").append(classes).append("\"").append(style).append(" data-position=\"")
        .append(item.position()).append("\"><span class=\"pos\">#").append(item.position()).append("</span> <b>")
        .append(esc(item.item())).append("</b>");
    if (item.title() != null) {
      h.append("<span class=\"title\">").append(esc(item.title())).append("</span>");
    }
    h.append(esc(after)).append("</li>\n");
  }

  private static String esc(String s) {
    return HTML.escape(s);
  }
}
