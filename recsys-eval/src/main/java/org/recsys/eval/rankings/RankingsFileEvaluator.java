package org.recsys.eval.rankings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recsys.api.EvaluationReport;
import org.recsys.eval.MetricSuite;
import org.recsys.eval.stats.Bootstrap;

/**
 * Scores any system's output, like trec_eval: a rankings file {@code user<TAB>item1,item2,...} (best first)
 * against a truth file {@code user<TAB>item[,item...]}, with string ids, UTF-8, blank lines skipped.
 *
 * <ul>
 *   <li>Every truth user is one case. A truth user without a ranking counts as a miss and is counted
 *       ({@link RankingsEvaluation#missingUsers()}); ranked users absent from the truth are ignored and counted.
 *   <li>A truth user may span several lines (their items are merged); an item given twice for one user is an
 *       error. An empty truth file, or a truth line without items, is an error.
 *   <li>A ranking may be empty ({@code user<TAB>}). A user ranked on two lines, or an item appearing twice in one
 *       ranking, is an error naming the user and {@code file:line}.
 *   <li>Ranks are the positions in the file, so there are no ties. Precision@k divides by k even when a ranking
 *       holds fewer than k items.
 * </ul>
 * The report's keys are {@code Accuracy}, {@code HR@k}, {@code Precision@k}, {@code Recall@k}, {@code F1@k},
 * {@code NDCG@k}, {@code MRR@k}, {@code MAP@k} for each requested k.
 */
public final class RankingsFileEvaluator {
  private final MetricSuite suite;
  private final Bootstrap bootstrap;

  /**
   * @param ks the cutoffs
   * @param bootstrapResamples resamples per interval (0: none)
   * @param seed the bootstrap seed
   */
  public RankingsFileEvaluator(List<Integer> ks, int bootstrapResamples, long seed) {
    this.suite = MetricSuite.rankingMetrics(ks.stream().mapToInt(Integer::intValue).toArray());
    this.bootstrap = new Bootstrap(bootstrapResamples, seed);
  }

  /** Evaluates {@code rankings} against {@code truth}. */
  public RankingsEvaluation evaluate(Path rankings, Path truth) throws IOException {
    Map<String, TruthEntry> truthByUser = readTruth(truth);
    int[][] ranks = new int[truthByUser.size()][];
    Map<String, Integer> rankedAt = new HashMap<>();
    int unjudged = 0;
    try (BufferedReader in = open(rankings)) {
      int lineNo = 0;
      String text;
      while ((text = readLine(in, rankings, lineNo)) != null) {
        lineNo++;
        if (lineNo == 1) {
          text = stripBom(text);
        }
        if (text.isBlank()) {
          continue;
        }
        UserItemsLine line = UserItemsLine.parse(text, rankings, lineNo, true);
        Integer previous = rankedAt.putIfAbsent(line.user(), lineNo);
        if (previous != null) {
          throw new RankingsFileException(rankings, lineNo, "user " + line.user() + " is ranked again (first at line "
              + previous + ")");
        }
        requireDistinct(line, rankings, lineNo);
        TruthEntry entry = truthByUser.get(line.user());
        if (entry == null) {
          unjudged++;
          continue;
        }
        ranks[entry.index] = ranksOf(line.items(), entry);
      }
    }
    List<String> users = new ArrayList<>(truthByUser.keySet());
    int[] targets = new int[users.size()];
    int missing = 0;
    for (TruthEntry e : truthByUser.values()) {
      targets[e.index] = e.items.size();
      if (ranks[e.index] == null) {
        ranks[e.index] = new int[0];
        missing++;
      }
    }
    Map<String, String> protocol = new LinkedHashMap<>();
    protocol.put("protocol", "rankings-file");
    protocol.put("rankings", rankings.toString());
    protocol.put("truth", truth.toString());
    protocol.put("ties", "none (file order)");
    protocol.put("ci", bootstrap.describe());
    Map<String, double[]> perCase = suite.perCaseValues(ranks, targets, null, null);
    EvaluationReport report = suite.report(protocol, perCase, Map.of(), bootstrap, users.size());
    return new RankingsEvaluation(report, users, missing, unjudged);
  }

  /** A truth user: its case number and its items, each with the line that first gave it. */
  private record TruthEntry(int index, Map<String, Integer> items) {}

  private static Map<String, TruthEntry> readTruth(Path truth) throws IOException {
    Map<String, TruthEntry> out = new LinkedHashMap<>();
    try (BufferedReader in = open(truth)) {
      int lineNo = 0;
      String text;
      while ((text = readLine(in, truth, lineNo)) != null) {
        lineNo++;
        if (lineNo == 1) {
          text = stripBom(text);
        }
        if (text.isBlank()) {
          continue;
        }
        UserItemsLine line = UserItemsLine.parse(text, truth, lineNo, false);
        TruthEntry entry = out.computeIfAbsent(line.user(), u -> new TruthEntry(out.size(), new HashMap<>()));
        for (String item : line.items()) {
          Integer first = entry.items.putIfAbsent(item, lineNo);
          if (first != null) {
            throw new RankingsFileException(truth, lineNo, "user " + line.user() + ": truth item " + item
                + " is given twice" + (first == lineNo ? "" : " (first at line " + first + ")"));
          }
        }
      }
    }
    if (out.isEmpty()) {
      throw new RankingsFileException(truth, 0, "the truth file holds no users; nothing to evaluate");
    }
    return out;
  }

  private static void requireDistinct(UserItemsLine line, Path file, int lineNo) throws RankingsFileException {
    Map<String, Integer> positions = new HashMap<>(line.items().length * 2);
    for (int p = 0; p < line.items().length; p++) {
      Integer first = positions.putIfAbsent(line.items()[p], p + 1);
      if (first != null) {
        throw new RankingsFileException(file, lineNo, "user " + line.user() + ": item " + line.items()[p]
            + " appears twice in the ranking (positions " + first + " and " + (p + 1) + ")");
      }
    }
  }

  /** 1-based positions of the truth items in the ranking, ascending. */
  private static int[] ranksOf(String[] ranking, TruthEntry entry) {
    int[] found = new int[entry.items.size()];
    int count = 0;
    for (int p = 0; p < ranking.length && count < found.length; p++) {
      if (entry.items.containsKey(ranking[p])) {
        found[count++] = p + 1;
      }
    }
    return Arrays.copyOf(found, count);
  }

  private static BufferedReader open(Path file) throws IOException {
    try {
      return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8
          .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    } catch (NoSuchFileException e) {
      throw new RankingsFileException(file, 0, "no such file");
    }
  }

  private static String readLine(BufferedReader in, Path file, int linesRead) throws IOException {
    try {
      return in.readLine();
    } catch (CharacterCodingException e) {
      throw new RankingsFileException(file, linesRead + 1, "not valid UTF-8 (at or shortly after this line)");
    }
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
