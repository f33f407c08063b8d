package org.recsys.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.AtomicFiles;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.TrainedModel;
import org.recsys.api.explain.Contribution;
import org.recsys.api.explain.Explanation;
import org.recsys.api.explain.OcclusionExplainer;
import org.recsys.cli.CliTestSupport;
import org.recsys.cli.experiment.SavedModels;
import org.recsys.cli.wiring.ComponentModules;
import org.recsys.cli.wiring.ModelRegistry;

/**
 * {@code recommend --explain} with a small SASRec (attention) and the test-only recency model (none): the table,
 * the JSON parsed back and the HTML page parsed with jsoup, with an unknown id in the history and titles.
 */
class RecommendExplainTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A title that must come out as text, never as markup. */
  private static final String NASTY = "Ben & <b>Jerry</b> \"scoop\"";

  @TempDir static Path dir;
  private static Path sasrec;
  private static Path titles;
  private static List<String> vocab;
  /** Known ids at positions 1, 3 and 4 of --history; position 2 is unknown. */
  private static String history;

  @BeforeAll
  static void train() throws Exception {
    sasrec = dir.resolve("sasrec");
    CliTestSupport r = CliTestSupport.run("run", "--out", sasrec.toString(), "--set", "data.synthetic={users: 120,"
        + " items: 60, clusters: 6, styles: 2, successors: 3, minLength: 8, maxLength: 20}", "--set",
        "model={type: sasrec, maxLen: 10, hiddenSize: 16, blocks: 2, heads: 2, epochs: 2, validateEvery: 2,"
        + " threads: 1}", "--set", "evaluation.bootstrapResamples=20");
    assertThat(r.exitCode()).as(r.err()).isZero();
    vocab = Files.readAllLines(sasrec.resolve("model/items.vocab"));
    history = String.join(",", vocab.get(4), "no-such-item", vocab.get(7), vocab.get(11));
    titles = dir.resolve("items.item");
    StringBuilder t = new StringBuilder("item_id:token\tmovie_title:token_seq\n");
    for (String id : vocab) {
      t.append(id).append('\t').append(id.equals(vocab.get(7)) ? NASTY : "Title " + id).append('\n');
    }
    Files.writeString(titles, t.toString());
  }

  private static CliTestSupport recommend(Path model, String... extra) {
    List<String> args = new ArrayList<>(List.of("recommend", "--model", model.toString(), "--history", history,
        "--k", "3", "--titles", titles.toString()));
    args.addAll(List.of(extra));
    CliTestSupport r = CliTestSupport.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r;
  }

  @Test
  void theTableListsEachRecommendationsDriversByTheirPlaceInTheHistoryAndTheAttention() {
    CliTestSupport r = recommend(sasrec, "--explain", "--explain-top", "2");
    assertThat(r.err()).contains("1 unknown item id(s)").contains("no-such-item");
    String out = r.out();
    assertThat(out).contains("(model sasrec)").contains("for a history of 3 item(s), 1 unknown id(s) left out").contains("1. ").contains("3. ")
        .contains("drop").contains("share").contains("occlusion")
        .contains("Attention weights of the last position").contains("not what caused")
        .contains("encoder.block0.attention, head 0 (self-attention)")
        .contains("encoder.block1.attention, head 1 (self-attention)");
    // Each driver row: its place in --history (never 2, the unknown id), then the id and title.
    List<String> rows = out.lines().filter(l -> l.matches("\\s+[0-9]+\\s+\\S+ .*[+-][0-9.]+\\s+[0-9.]+%\\s*"))
        .toList();
    assertThat(rows).hasSize(3 * 2);
    for (String row : rows) {
      String[] f = row.trim().split("\\s+");
      assertThat(f[0]).isIn("1", "3", "4");
      assertThat(f[1]).isEqualTo(List.of(history.split(",")).get(Integer.parseInt(f[0]) - 1));
    }
    assertThat(out).contains("Title " + vocab.get(4));
  }

  @Test
  void jsonParsesBackWithEveryDriverAsTheLibraryComputesIt() throws Exception {
    CliTestSupport r = recommend(sasrec, "--explain", "--format", "json");
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.path("model").asText()).isEqualTo("sasrec");
    assertThat(root.path("history")).hasSize(4);
    assertThat(root.path("history").get(1).path("known").asBoolean()).isFalse();
    assertThat(root.path("history").get(2).path("title").asText()).isEqualTo(NASTY);
    JsonNode recs = root.path("recommendations");
    assertThat(recs).hasSize(3);
    // The same figures through the library: the model's own explanations of the known history.
    ModelRegistry registry = ComponentModules.injector().getInstance(ModelRegistry.class);
    TrainedModel model = SavedModels.load(sasrec, registry);
    ItemVocabulary items = model.vocabulary();
    int[] known = Stream.of(vocab.get(4), vocab.get(7), vocab.get(11)).mapToInt(items::id).toArray();
    List<Explanation> expected = new OcclusionExplainer(model).recommend(known, 3, known);
    Map<Integer, Integer> placeOfKnown = Map.of(0, 1, 1, 3, 2, 4);
    for (int i = 0; i < 3; i++) {
      JsonNode rec = recs.get(i);
      Explanation e = expected.get(i);
      assertThat(rec.path("rank").asInt()).isEqualTo(i + 1);
      assertThat(rec.path("item").asText()).isEqualTo(items.externalId(e.item()));
      assertThat(rec.path("title").asText()).isEqualTo("Title " + items.externalId(e.item()));
      JsonNode drivers = rec.path("drivers");
      assertThat(drivers).hasSize(3);
      double shares = 0;
      for (int j = 0; j < 3; j++) {
        Contribution c = e.contributions().get(j);
        JsonNode d = drivers.get(j);
        assertThat(d.path("position").asInt()).isEqualTo(placeOfKnown.get(c.position()));
        assertThat(d.path("item").asText()).isEqualTo(items.externalId(c.item()));
        assertThat(d.path("drop").asDouble()).isEqualTo(c.drop());
        assertThat(d.path("share").asDouble()).isEqualTo(c.share());
        shares += c.share();
      }
      assertThat(shares).satisfiesAnyOf(s -> assertThat(s).isCloseTo(1.0, within(1e-9)),
          s -> assertThat(s).isZero());
    }
    assertThat(root.path("definitions").path("share").asText()).contains("positive drops");
    JsonNode attention = root.path("attention");
    assertThat(attention).hasSize(4);
    for (JsonNode map : attention) {
      double sum = 0;
      for (JsonNode w : map.path("weights")) {
        assertThat(w.path("position").asInt()).isIn(1, 3, 4);
        sum += w.path("weight").asDouble();
      }
      assertThat(sum).isCloseTo(1.0, within(1e-5));
    }
  }

  @Test
  void withoutExplainJsonHoldsThePlainRecommendations() throws Exception {
    JsonNode root = JSON.readTree(recommend(sasrec, "--format", "json").out());
    assertThat(root.path("recommendations")).hasSize(3);
    assertThat(root.path("recommendations").get(0).has("drivers")).isFalse();
    assertThat(root.has("attention")).isFalse();
    String plain = recommend(sasrec).out();
    assertThat(plain.lines().toList()).hasSize(3).allMatch(l -> l.split("\t").length == 4);
  }

  @Test
  void thePageShowsTheHistoryAndBarsForEachRecommendationWithTextEscaped() throws Exception {
    Path page = dir.resolve("pages/explain.html");
    CliTestSupport r = recommend(sasrec, "--explain-html", page.toString(), "--explain-top", "2");
    assertThat(r.err()).contains("wrote the explanation page to " + page);
    assertThat(r.out()).contains("Attention weights of the last position");
    Document doc = Jsoup.parse(page.toFile(), "UTF-8");
    List<Element> history = doc.select("ol#history > li");
    assertThat(history).hasSize(4);
    assertThat(history.get(1).hasClass("unknown")).isTrue();
    assertThat(history.get(2).select(".title").text()).isEqualTo(NASTY);
    assertThat(doc.select("b:contains(Jerry)")).as("no markup from a title").isEmpty();
    List<Element> recs = doc.select("section.recommendation");
    assertThat(recs).hasSize(3);
    for (Element rec : recs) {
      List<Element> rows = rec.select("table.drivers tr[data-position]");
      assertThat(rows).hasSize(2);
      for (Element row : rows) {
        assertThat(row.attr("data-position")).isIn("1", "3", "4");
        assertThat(row.select("span.bar > span").attr("style")).matches("width:[0-9.]+%");
      }
    }
    assertThat(doc.select("section.attention")).hasSize(4);
    assertThat(doc.select("section.attention").first().select("li")).hasSize(3);
    try (Stream<Path> files = Files.list(page.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("explain.html")
          .noneMatch(AtomicFiles::isTemporary);
    }
  }

  @Test
  void aModelWithoutAttentionIsExplainedByOcclusionAlone() throws Exception {
    Path recency = dir.resolve("recency");
    CliTestSupport run = CliTestSupport.run(RunCommandTest.args("run", "--out", recency.toString()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    // The recency model scores history items only: with --keep-seen the most recent item comes first, driven by
    // itself alone.
    CliTestSupport r = recommend(recency, "--explain", "--keep-seen", "--format", "json");
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.path("attention").isNull()).isTrue();
    JsonNode first = root.path("recommendations").get(0);
    assertThat(first.path("item").asText()).isEqualTo(vocab.get(11));
    assertThat(first.path("drivers").get(0).path("position").asInt()).isEqualTo(4);
    assertThat(first.path("drivers").get(0).path("share").asDouble()).isEqualTo(1.0);
    assertThat(recommend(recency, "--explain").out()).contains("Attention: not reported by this model");
  }

  @Test
  void badOptionsAreUsageErrorsThatNameTheOption() {
    for (String[] bad : List.of(new String[] {"--format", "xml"}, new String[] {"--explain-top", "0"},
        new String[] {"--explain-html", dir.toString()})) {
      List<String> args = new ArrayList<>(List.of("recommend", "--model", sasrec.toString(), "--history", history));
      args.addAll(List.of(bad));
      CliTestSupport r = CliTestSupport.run(args.toArray(String[]::new));
      assertThat(r.exitCode()).as(String.join(" ", bad)).isEqualTo(2);
      assertThat(r.err()).contains(bad[0]);
    }
  }
}
