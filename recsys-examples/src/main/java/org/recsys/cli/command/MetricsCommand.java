package org.recsys.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.recsys.eval.rankings.RankingsEvaluation;
import org.recsys.eval.rankings.RankingsFileEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recsys metrics}: evaluates any system's rankings against ground truth, like trec_eval. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = {"Evaluate any system's rankings against ground truth, like trec_eval.",
        "RANKINGS: user<TAB>item1,item2,... best first. TRUTH: user<TAB>item[,item...].",
        "Users in TRUTH but not in RANKINGS count as misses."})
public final class MetricsCommand implements Callable<Integer> {
  /** Output formats. */
  public enum Format { json, md }

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--rankings", required = true, paramLabel = "R.tsv", description = "The system's rankings.")
  Path rankings;

  @Option(names = "--truth", required = true, paramLabel = "T.tsv", description = "The held-out items per user.")
  Path truth;

  @Option(names = "--k", split = ",", defaultValue = "1,5,10,20", paramLabel = "K",
      description = "Cutoffs, comma-separated (default: ${DEFAULT-VALUE}).")
  List<Integer> ks;

  @Option(names = "--format", defaultValue = "json", description = "json or md (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--bootstrap", defaultValue = "1000", description = "Bootstrap resamples for the 95%% CIs.")
  int resamples;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the bootstrap.")
  long seed;

  @Override
  public Integer call() throws Exception {
    for (int k : ks) {
      if (k < 1) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--k values must be >= 1, got " + k);
      }
    }
    RankingsEvaluation result = new RankingsFileEvaluator(ks, resamples, seed).evaluate(rankings, truth);
    var out = spec.commandLine().getOut();
    if (format == Format.md) {
      out.print(result.toMarkdown());
    } else {
      Map<String, Object> doc = new LinkedHashMap<>();
      Map<String, Object> metrics = new LinkedHashMap<>();
      result.metrics().forEach((key, s) -> metrics.put(key, s.mean()));
      Map<String, Object> ci = new LinkedHashMap<>();
      result.metrics().forEach((key, s) -> ci.put(key, List.of(s.ciLow(), s.ciHigh())));
      doc.put("metrics", metrics);
      doc.put("ci95", ci);
      doc.put("users", result.truthUsers());
      doc.put("missingUsers", result.missingUsers());
      doc.put("unjudgedUsers", result.unjudgedUsers());
      doc.put("protocol", result.report().protocol());
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
    }
    out.flush();
    if (result.missingUsers() > 0 && !common.quiet()) {
      spec.commandLine().getErr().println("note: " + result.missingUsers() + " of " + result.truthUsers()
          + " users in the truth file have no ranking and were counted as misses");
    }
    return 0;
  }
}
