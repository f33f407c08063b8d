package org.recsys.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.recsys.cli.config.ConfigBinder;
import org.recsys.cli.config.ResolvedConfig;
import org.recsys.cli.wiring.ComponentModules;
import org.recsys.data.DataConfig;
import org.recsys.data.DataPipeline;
import org.recsys.data.LoadedData;
import org.recsys.data.io.FormatRegistry;
import org.recsys.data.split.DataSplit;
import org.recsys.data.stats.DataStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recsys data}: inspect and convert data sets. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Inspect and convert data sets.",
    subcommands = {DataCommand.Stats.class, DataCommand.Convert.class})
public final class DataCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required: stats or convert");
  }

  /** Which data: {@code --data FILE [--format F]} or the {@code data} section of a config. */
  static final class DataSource {
    @Option(names = "--data", paramLabel = "FILE", description = "Interactions file (default: the config's data.path, "
        + "else the built-in synthetic data).")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", description = "auto, sasrec, sequences, movielens-dat,"
        + " movielens-udata, recbole, csv, tsv or a plug-in's format (default: auto).")
    String format;

    @Mixin ConfigOptions config;

    DataConfig bind() {
      List<String> extra = new ArrayList<>();
      if (data != null) {
        extra.add("data.path=" + data);
      }
      if (format != null) {
        extra.add("data.format=" + format);
      }
      ResolvedConfig resolved = config.resolve(extra, "--data/--format");
      return new ConfigBinder().bind(resolved, "data", DataConfig.class);
    }

    /** Reads {@code data} with the format the injector's registry resolves, as runs do. */
    static LoadedData load(DataConfig data) throws IOException {
      FormatRegistry formats = ComponentModules.injector().getInstance(FormatRegistry.class);
      return DataPipeline.load(data, data.usesSynthetic() ? null : data.resolvedFormat(formats));
    }
  }

  /** {@code recsys data stats}. */
  @Command(name = "stats", mixinStandardHelpOptions = true,
      description = "Users, items, interactions, density and sequence-length percentiles, before and after "
          + "preprocessing, and the split's sizes.")
  static final class Stats implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin DataSource source;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      DataConfig config = source.bind();
      LoadedData loaded = DataSource.load(config);
      DataSplit split = DataPipeline.split(loaded, config);
      var out = spec.commandLine().getOut();
      if (json) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("before", loaded.before().toMap());
        doc.put("after", loaded.after().toMap());
        doc.put("provenance", loaded.provenance());
        doc.put("split", Map.of("protocol", split.protocol(), "trainUsers", split.train().users().size(),
            "validationCases", split.validation().size(), "testCases", split.test().size(),
            "usersTrainOnly", split.usersTrainOnly(), "usersDropped", split.usersDropped(), "warnings", split.warnings()));
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
      } else {
        out.print(DataStats.table("before", loaded.before(), "after", loaded.after()));
        out.println();
        loaded.provenance().forEach((k, v) -> out.println(k + ": " + v));
        out.printf("split: %s; %d training users, %d validation and %d test cases, %d train-only, %d dropped%n",
            split.protocol().get("split"), split.train().users().size(), split.validation().size(), split.test().size(),
            split.usersTrainOnly(), split.usersDropped());
        split.warnings().forEach(w -> out.println("warning: " + w));
      }
      out.flush();
      return 0;
    }
  }

  /** {@code recsys data convert}. */
  @Command(name = "convert", mixinStandardHelpOptions = true,
      description = "Convert any supported format (after preprocessing) to SASRec text, sequences (one line per"
          + " user) or RecBole atomic files.")
  static final class Convert implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin DataSource source;
    @Spec CommandSpec spec;

    @Option(names = "--to", required = true, description = "sasrec, sequences or recbole.")
    DataPipeline.Target target;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "PATH",
        description = "The output file (sasrec, sequences) or directory (recbole).")
    Path out;

    @Option(names = "--name", defaultValue = "data", description = "RecBole data set name (default: ${DEFAULT-VALUE}).")
    String name;

    @Override
    public Integer call() throws Exception {
      LoadedData loaded = DataSource.load(source.bind());
      Path written = DataPipeline.convert(loaded, target, out, name);
      if (!common.quiet()) {
        spec.commandLine().getOut().printf("wrote %s (%d users, %d items, %d interactions)%n", written,
            loaded.after().users(), loaded.after().items(), loaded.after().interactions());
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }
}
