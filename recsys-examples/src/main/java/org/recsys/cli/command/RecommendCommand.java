package org.recsys.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.recsys.api.AtomicFiles;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.NonFiniteScoreException;
import org.recsys.api.TrainedModel;
import org.recsys.api.explain.AttentionExplainable;
import org.recsys.api.explain.AttentionMaps;
import org.recsys.api.explain.Explanation;
import org.recsys.api.explain.OcclusionExplainer;
import org.recsys.cli.UsageException;
import org.recsys.cli.experiment.SavedModels;
import org.recsys.cli.explain.ExplanationJson;
import org.recsys.cli.explain.ExplanationPage;
import org.recsys.cli.explain.ExplanationReport;
import org.recsys.cli.explain.ExplanationTable;
import org.recsys.cli.explain.HistoryItem;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.wiring.ComponentModules;
import org.recsys.cli.wiring.ModelRegistry;
import org.recsys.data.io.RecBoleItemReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recsys recommend}: the top items for one history, with a saved model. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
    description = {"Recommend items for one history with a saved model.",
        "Ids are the data file's own item ids; unknown ids are reported and left out. Items already in the",
        "history are not recommended unless --keep-seen is given.",
        "--explain says which history items drove each recommendation: how much its score drops when each one is",
        "left out (occlusion, for every model), and for attention models where the last position attended."})
public final class RecommendCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "DIR", description = "A model or run directory.")
  Path model;

  @Option(names = "--history", required = true, split = ",", paramLabel = "ID",
      description = "The user's items, oldest first, comma-separated.")
  List<String> history;

  @Option(names = {"-k", "--k"}, defaultValue = "10", description = "How many items (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--titles", paramLabel = "FILE",
      description = "RecBole .item file with titles (default: the run's data.itemFile, if any).")
  Path titles;

  @Option(names = "--keep-seen", description = "Also recommend items already in the history.")
  boolean keepSeen;

  @Option(names = "--explain", description = "Explain each recommendation by the history items that drove it.")
  boolean explain;

  @Option(names = "--explain-top", defaultValue = "5", paramLabel = "N",
      description = "History items listed per recommendation in the table and the page; JSON lists all"
          + " (default: ${DEFAULT-VALUE}).")
  int explainTop;

  @Option(names = "--explain-html", paramLabel = "FILE",
      description = "Also write the explanation as one HTML page, e.g. explain.html (implies --explain).")
  Path explainHtml;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws Exception {
    if (k < 1) {
      throw new UsageException("--k must be >= 1, got " + k);
    }
    if (!format.equals("table") && !format.equals("json")) {
      throw new UsageException("--format must be table or json, got '" + format + "'");
    }
    if (explainTop < 1) {
      throw new UsageException("--explain-top must be >= 1, got " + explainTop);
    }
    if (explainHtml != null && Files.isDirectory(explainHtml)) {
      throw new UsageException("--explain-html " + explainHtml + " is a directory; give a file such as "
          + explainHtml.resolve("explain.html"));
    }
    boolean explaining = explain || explainHtml != null;
    ModelRegistry registry = ComponentModules.injector().getInstance(ModelRegistry.class);
    Path modelDir = SavedModels.resolveModelDir(model);
    TrainedModel m = SavedModels.load(modelDir, registry);
    ItemVocabulary vocab = m.vocabulary();
    Map<String, String> titleMap = titles();
    List<HistoryItem> given = new ArrayList<>();
    List<HistoryItem> known = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String id : history) {
      String trimmed = id.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      OptionalInt internal = vocab.find(trimmed);
      HistoryItem item = new HistoryItem(given.size() + 1, trimmed, titleMap.get(trimmed), internal.isPresent());
      given.add(item);
      if (internal.isPresent()) {
        known.add(item);
        ids.add(internal.getAsInt());
      } else {
        unknown.add(trimmed);
      }
    }
    var err = spec.commandLine().getErr();
    if (!unknown.isEmpty()) {
      err.println("warning: " + unknown.size() + " unknown item id(s) left out of the history: " + String.join(", ", unknown));
    }
    int[] h = ids.stream().mapToInt(Integer::intValue).toArray();
    int[] exclude = keepSeen ? new int[0] : h;
    ExplanationReport report;
    try {
      if (explaining) {
        List<Explanation> explanations = new OcclusionExplainer(m, Runtime.getRuntime().availableProcessors())
            .recommend(h, k, exclude);
        AttentionMaps attention = m instanceof AttentionExplainable a ? a.attention(h) : null;
        report = ExplanationReport.explained(m.name(), given, known, explanations, attention, vocab, titleMap);
      } else {
        report = ExplanationReport.plain(m.name(), given, m.recommend(h, k, exclude), vocab, titleMap);
      }
    } catch (NonFiniteScoreException e) {
      throw new NonFiniteScoreException(modelDir + ": " + e.getMessage());
    }
    var out = spec.commandLine().getOut();
    if (format.equals("json")) {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      out.println(json.writeValueAsString(new ExplanationJson(json).render(report)));
    } else if (explaining) {
      out.print(new ExplanationTable(explainTop).render(report));
    } else {
      for (var item : report.recommendations()) {
        out.printf(Locale.ROOT, "%d\t%s\t%.5f%s%n", item.rank(), item.item(), item.score(),
            item.title() == null ? "" : "\t" + item.title());
      }
    }
    if (explainHtml != null) {
      AtomicFiles.writeString(explainHtml, new ExplanationPage(explainTop).render(report));
      if (!common.quiet()) {
        err.println("wrote the explanation page to " + explainHtml);
      }
    }
    out.flush();
    err.flush();
    return 0;
  }

  private Map<String, String> titles() throws java.io.IOException {
    Path file = titles;
    if (file == null) {
      Path config = model.resolve(RunFiles.CONFIG);
      if (!Files.isRegularFile(config) && model.getParent() != null) {
        config = model.getParent().resolve(RunFiles.CONFIG);
      }
      if (Files.isRegularFile(config)) {
        JsonNode itemFile = new ObjectMapper(new YAMLFactory()).readTree(config.toFile()).path("data").path("itemFile");
        if (itemFile.isTextual()) {
          file = Path.of(itemFile.asText());
        }
      }
    }
    return file == null ? Map.of() : RecBoleItemReader.titles(file, null, null);
  }
}
