package org.recsys.data.sampling;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.recsys.api.AtomicFiles;
import org.recsys.api.EvalCase;

/**
 * Fixed candidate sets for sampled evaluation: for each case, its targets plus {@code negatives} distinct
 * items the user has not interacted with (neither in the history nor among the targets), in a seeded random
 * order. Generated once per data set and seed, then saved and reloaded, so that every model is ranked against
 * the same candidates.
 *
 * <pre>{@code
 * SampledCandidates c = SampledCandidates.generate(split.test(), NegativeSampler.uniform(n, seed), 100, seed);
 * c.save(dir.resolve("test.candidates"));
 * List<EvalCase> sampled = SampledCandidates.load(file).attachTo(split.test());
 * }</pre>
 *
 * <p>A user who has seen almost every item gets fewer negatives; {@link #shortCases()} counts them.
 */
public final class SampledCandidates {
  /** The file's first line. */
  static final String MAGIC = "# recsys sampled candidates v1";
  /** Default negatives per case (the SASRec protocol). */
  public static final int DEFAULT_NEGATIVES = 100;

  private final String sampler;
  private final int negatives;
  private final long seed;
  private final List<String> users;
  private final List<int[]> targets;
  private final List<int[]> candidates;
  private final int shortCases;

  private SampledCandidates(String sampler, int negatives, long seed, List<String> users, List<int[]> targets,
      List<int[]> candidates) {
    this.sampler = sampler;
    this.negatives = negatives;
    this.seed = seed;
    this.users = List.copyOf(users);
    this.targets = Collections.unmodifiableList(new ArrayList<>(targets));
    this.candidates = Collections.unmodifiableList(new ArrayList<>(candidates));
    int s = 0;
    for (int i = 0; i < this.candidates.size(); i++) {
      if (this.candidates.get(i).length < this.targets.get(i).length + negatives) {
        s++;
      }
    }
    this.shortCases = s;
  }

  /**
   * Draws the candidates of each case. The sampler is reseeded with {@code seed}, so the result depends only
   * on the cases, the sampler's kind and weights, {@code negatives} and {@code seed}.
   *
   * @throws IllegalArgumentException if {@code negatives < 1} or a case's item is outside the sampler's range
   */
  public static SampledCandidates generate(List<EvalCase> cases, NegativeSampler sampler, int negatives, long seed) {
    if (negatives < 1) {
      throw new IllegalArgumentException("negatives must be >= 1, got " + negatives);
    }
    sampler.reseed(seed);
    SplittableRandom order = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<String> users = new ArrayList<>(cases.size());
    List<int[]> targets = new ArrayList<>(cases.size());
    List<int[]> candidates = new ArrayList<>(cases.size());
    for (EvalCase c : cases) {
      int[] t = c.targets();
      sampler.exclude(c.history());
      sampler.alsoExclude(t);
      int[] neg = sampler.distinct(negatives);
      int[] all = Arrays.copyOf(t, t.length + neg.length);
      System.arraycopy(neg, 0, all, t.length, neg.length);
      // Shuffle so that no evaluator can favour the targets by position when scores tie.
      for (int i = all.length - 1; i > 0; i--) {
        int j = order.nextInt(i + 1);
        int tmp = all[i];
        all[i] = all[j];
        all[j] = tmp;
      }
      users.add(c.user());
      targets.add(t);
      candidates.add(all);
    }
    return new SampledCandidates(sampler.kind(), negatives, seed, users, targets, candidates);
  }

  /**
   * Loads the candidates from {@code file} when it exists and was drawn with the same sampler kind,
   * {@code negatives} and {@code seed}; otherwise generates them and saves them there. Either way the result
   * is checked against {@code cases} when attached.
   *
   * @throws IOException when the file exists but was drawn with other settings (naming both), or is unreadable
   */
  public static SampledCandidates loadOrGenerate(Path file, List<EvalCase> cases, NegativeSampler sampler,
      int negatives, long seed) throws IOException {
    if (Files.exists(file)) {
      SampledCandidates c = load(file);
      if (!c.sampler.equals(sampler.kind()) || c.negatives != negatives || c.seed != seed) {
        throw new IOException(file + ": holds candidates drawn with sampler=" + c.sampler + ", negatives="
            + c.negatives + ", seed=" + c.seed + " but sampler=" + sampler.kind() + ", negatives=" + negatives
            + ", seed=" + seed + " were asked for; delete the file or use another name");
      }
      c.attachTo(cases);
      return c;
    }
    SampledCandidates c = generate(cases, sampler, negatives, seed);
    c.save(file);
    return c;
  }

  /**
   * The given cases with these candidates attached, in the same order.
   *
   * @throws IllegalArgumentException when the cases are not the ones the candidates were drawn for (a
   *     different count, user or target), naming the first mismatch
   */
  public List<EvalCase> attachTo(List<EvalCase> cases) {
    if (cases.size() != users.size()) {
      throw new IllegalArgumentException("candidates were drawn for " + users.size() + " cases, got " + cases.size()
          + " (another data set, split or seed?)");
    }
    List<EvalCase> out = new ArrayList<>(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      EvalCase c = cases.get(i);
      if (!c.user().equals(users.get(i)) || !Arrays.equals(c.targets(), targets.get(i))) {
        throw new IllegalArgumentException("case " + (i + 1) + ": candidates were drawn for user " + users.get(i)
            + " with targets " + Arrays.toString(targets.get(i)) + ", got user " + c.user() + " with targets "
            + Arrays.toString(c.targets()) + " (another data set, split or seed?)");
      }
      out.add(new EvalCase(c.user(), c.history(), c.targets(), candidates.get(i)));
    }
    return out;
  }

  /** Protocol entries for reports: {@code candidates=sampled, negatives=100, sampler=uniform, samplingSeed=..}. */
  public Map<String, String> protocol() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("candidates", "sampled");
    p.put("negatives", Integer.toString(negatives));
    p.put("sampler", sampler);
    p.put("samplingSeed", Long.toString(seed));
    if (shortCases > 0) {
      p.put("casesWithFewerNegatives", Integer.toString(shortCases));
    }
    return p;
  }

  /** The number of cases. */
  public int size() {
    return users.size();
  }

  /** The candidates of case {@code i} (a copy). */
  public int[] candidates(int i) {
    return candidates.get(i).clone();
  }

  /** Negatives per case asked for. */
  public int negatives() {
    return negatives;
  }

  /** The seed the candidates were drawn with. */
  public long seed() {
    return seed;
  }

  /** {@code "uniform"} or {@code "popularity"}. */
  public String sampler() {
    return sampler;
  }

  /** Cases that got fewer than {@link #negatives()} negatives because the user had seen nearly every item. */
  public int shortCases() {
    return shortCases;
  }

  /**
   * Writes the candidates atomically as UTF-8 text: a header, then one line per case,
   * {@code user<TAB>targets<TAB>candidates} with space-separated internal item ids.
   */
  public void save(Path file) throws IOException {
    for (String u : users) {
      if (u.indexOf('\t') >= 0 || u.indexOf('\n') >= 0 || u.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("user id '" + u + "' cannot be written: it holds a tab or line break");
      }
    }
    AtomicFiles.write(file, out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write(MAGIC + "\tsampler=" + sampler + "\tnegatives=" + negatives + "\tseed=" + seed + "\tcases="
          + users.size() + "\n");
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < users.size(); i++) {
        sb.setLength(0);
        sb.append(users.get(i)).append('\t');
        join(sb, targets.get(i));
        sb.append('\t');
        join(sb, candidates.get(i));
        sb.append('\n');
        w.append(sb);
      }
      w.flush();
    });
  }

  /**
   * Reads a file written by {@link #save}.
   *
   * @throws IOException naming the file and line when it is not such a file or a line is malformed
   */
  public static SampledCandidates load(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null || !header.startsWith(MAGIC)) {
        throw new IOException(file + ":1: not a sampled-candidates file (expected a line starting with '" + MAGIC
            + "', got '" + header + "')");
      }
      Map<String, String> meta = new LinkedHashMap<>();
      for (String part : header.substring(MAGIC.length()).split("\t")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          meta.put(part.substring(0, eq), part.substring(eq + 1));
        }
      }
      String sampler = meta.get("sampler");
      int negatives;
      long seed;
      int cases;
      try {
        negatives = Integer.parseInt(meta.get("negatives"));
        seed = Long.parseLong(meta.get("seed"));
        cases = Integer.parseInt(meta.get("cases"));
      } catch (NumberFormatException e) {
        throw new IOException(file + ":1: header lacks a numeric negatives, seed or cases: '" + header + "'", e);
      }
      if (sampler == null) {
        throw new IOException(file + ":1: header lacks sampler=: '" + header + "'");
      }
      List<String> users = new ArrayList<>(cases);
      List<int[]> targets = new ArrayList<>(cases);
      List<int[]> candidates = new ArrayList<>(cases);
      String line;
      int lineNo = 1;
      while ((line = r.readLine()) != null) {
        lineNo++;
        String[] f = line.split("\t", -1);
        if (f.length != 3) {
          throw new IOException(file + ":" + lineNo + ": expected user<TAB>targets<TAB>candidates, got '" + line + "'");
        }
        try {
          users.add(f[0]);
          targets.add(parseIds(f[1]));
          candidates.add(parseIds(f[2]));
        } catch (NumberFormatException e) {
          throw new IOException(file + ":" + lineNo + ": non-numeric item id in '" + line + "'", e);
        }
      }
      if (users.size() != cases) {
        throw new IOException(file + ": header announces " + cases + " cases but the file holds " + users.size()
            + " (truncated?)");
      }
      return new SampledCandidates(sampler, negatives, seed, users, targets, candidates);
    }
  }

  private static void join(StringBuilder sb, int[] ids) {
    for (int j = 0; j < ids.length; j++) {
      if (j > 0) {
        sb.append(' ');
      }
      sb.append(ids[j]);
    }
  }

  private static int[] parseIds(String s) {
    if (s.isEmpty()) {
      return new int[0];
    }
    String[] parts = s.split(" ");
    int[] ids = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      ids[i] = Integer.parseInt(parts[i]);
    }
    return ids;
  }
}
