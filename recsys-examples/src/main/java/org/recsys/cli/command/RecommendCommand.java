package org.recsys.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.recsys.api.ItemVocabulary;
import org.recsys.api.NonFiniteScoreException;
import org.recsys.api.ScoredItem;
import org.recsys.api.TrainedModel;
import org.recsys.cli.UsageException;
import org.recsys.cli.experiment.SavedModels;
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
        "history are not recommended unless --keep-seen is given."})
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

  @Override
  public Integer call() throws Exception {
    if (k < 1) {
      throw new UsageException("--k must be >= 1, got " + k);
    }
    ModelRegistry registry = ComponentModules.injector().getInstance(ModelRegistry.class);
    Path modelDir = SavedModels.resolveModelDir(model);
    TrainedModel m = SavedModels.load(modelDir, registry);
    ItemVocabulary vocab = m.vocabulary();
    List<Integer> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String id : history) {
      String trimmed = id.trim();
      OptionalInt internal = vocab.find(trimmed);
      if (internal.isPresent()) {
        known.add(internal.getAsInt());
      } else if (!trimmed.isEmpty()) {
        unknown.add(trimmed);
      }
    }
    var err = spec.commandLine().getErr();
    if (!unknown.isEmpty()) {
      err.println("warning: " + unknown.size() + " unknown item id(s) left out of the history: " + String.join(", ", unknown));
    }
    int[] h = known.stream().mapToInt(Integer::intValue).toArray();
    List<ScoredItem> top;
    try {
      top = keepSeen ? m.recommend(h, k, new int[0]) : m.recommend(h, k);
    } catch (NonFiniteScoreException e) {
      throw new NonFiniteScoreException(modelDir + ": " + e.getMessage());
    }
    Map<String, String> titleMap = titles();
    var out = spec.commandLine().getOut();
    int rank = 1;
    for (ScoredItem item : top) {
      String ext = vocab.externalId(item.item());
      String title = titleMap.get(ext);
      out.printf(Locale.ROOT, "%d\t%s\t%.5f%s%n", rank++, ext, item.score(), title == null ? "" : "\t" + title);
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
