package org.recsys.cli.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.recsys.cli.command.Tables;

/** An explanation as text for the terminal: each recommendation with its top drivers, then the attention. */
public final class ExplanationTable {
  /** What the figures mean, printed under every explained table. */
  static final String OCCLUSION_NOTE = "drop: the item's score minus its score with that one history item left out"
      + " (occlusion; # is its place in --history); share: its part of the positive drops of all history items.";
  static final String ATTENTION_NOTE = "Attention shows where the last position looked, not what caused a"
      + " recommendation: use the drops for that.";

  private final int top;

  /** @param top how many drivers (and attention weights) to list per item, {@code >= 1} */
  public ExplanationTable(int top) {
    this.top = top;
  }

  public String render(ExplanationReport report) {
    StringBuilder out = new StringBuilder();
    long known = report.history().stream().filter(HistoryItem::known).count();
    out.append(String.format(Locale.ROOT, "Recommendations for a history of %d item(s)", known));
    if (!report.unknown().isEmpty()) {
      out.append(", ").append(report.unknown().size()).append(" unknown id(s) left out");
    }
    out.append(" (model ").append(report.model()).append("):\n");
    for (ExplainedItem item : report.recommendations()) {
      out.append(String.format(Locale.ROOT, "%n%d. %s  (score %.5f)%n", item.rank(), item.label(), item.score()));
      if (item.drivers().isEmpty()) {
        out.append("   no history item to explain it by\n");
        continue;
      }
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"#", "history item", "drop", "share"});
      for (Driver d : item.drivers().subList(0, Math.min(top, item.drivers().size()))) {
        rows.add(new String[] {Integer.toString(d.item().position()), d.item().label(),
            String.format(Locale.ROOT, "%+.5f", d.drop()), percent(d.share())});
      }
      indent(out, Tables.render(rows));
    }
    out.append('\n').append(OCCLUSION_NOTE).append('\n');
    attention(out, report);
    return out.toString();
  }

  private void attention(StringBuilder out, ExplanationReport report) {
    out.append('\n');
    if (!report.attentionAvailable()) {
      out.append("Attention: not reported by this model (").append(report.model()).append(").\n");
      return;
    }
    if (report.attention().isEmpty()) {
      out.append("Attention: none (the model has no attention layers, or the history is empty).\n");
      return;
    }
    out.append("Attention weights of the last position. ").append(ATTENTION_NOTE).append('\n');
    for (AttentionView view : report.attention()) {
      out.append(String.format(Locale.ROOT, "%n%s, head %d (%s):%n", view.layer(), view.head(), view.kind()));
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"#", "history item", "weight"});
      for (AttendedItem a : view.top(top)) {
        rows.add(new String[] {a.item() == null ? "-" : Integer.toString(a.item().position()), a.label(),
            String.format(Locale.ROOT, "%.4f", a.weight())});
      }
      indent(out, Tables.render(rows));
    }
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  private static void indent(StringBuilder out, String table) {
    table.lines().forEach(line -> out.append("   ").append(line.stripTrailing()).append('\n'));
  }
}
