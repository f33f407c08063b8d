package org.recsys.cli.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.recsys.api.AtomicFiles;
import org.recsys.api.EvalCase;
import org.recsys.api.EvaluationReport;
import org.recsys.api.Evaluator;
import org.recsys.api.MetricSummary;
import org.recsys.api.TrainedModel;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;
import org.recsys.api.TrainingListener;
import org.recsys.api.TrainingStoppedException;
import org.recsys.cli.UsageException;
import org.recsys.cli.progress.ConsoleProgress;
import org.recsys.cli.progress.EpochLog;
import org.recsys.cli.progress.KeptEpoch;
import org.recsys.cli.progress.Listeners;
import org.recsys.cli.progress.LogFileListener;
import org.recsys.cli.progress.ScoringProgress;
import org.recsys.cli.progress.StopSignal;
import org.recsys.cli.report.HtmlReport;
import org.recsys.cli.report.MarkdownReport;
import org.recsys.cli.report.Provenance;
import org.recsys.cli.report.RunFiles;
import org.recsys.cli.report.RunRecord;
import org.recsys.data.DataConfig;
import org.recsys.data.DataPipeline;
import org.recsys.data.LoadedData;
import org.recsys.data.preprocess.Preprocessor;
import org.recsys.data.sampling.NegativeSampler;
import org.recsys.data.sampling.SampledCandidates;
import org.recsys.data.split.DataSplit;
import org.recsys.eval.ItemPopularity;

/**
 * Runs one experiment end to end: load and preprocess the data, split it, train with early stopping on the
 * validation cases, evaluate on the test cases, and write the run directory (resolved config, metrics with
 * provenance, per-case values, Markdown and HTML reports, the model, the training log).
 */
public final class ExperimentRunner {
  /** File names of the frozen sampled candidates inside a run directory. */
  public static final String VALIDATION_CANDIDATES = "candidates-validation.tsv";
  public static final String TEST_CANDIDATES = "candidates-test.tsv";
  private static final String CHECKPOINT_DIR = "checkpoint";

  private final PrintWriter out;
  private final boolean quiet;
  private final StopSignal stop;

  /**
   * @param out where progress goes
   * @param quiet print nothing but errors
   * @param stop Ctrl-C signal passed to the trainer
   */
  public ExperimentRunner(PrintWriter out, boolean quiet, StopSignal stop) {
    this.out = out;
    this.quiet = quiet;
    this.stop = stop;
  }

  /** Data loaded and split once, reusable by several runs on the same data (quickstart, grid). */
  public record PreparedData(LoadedData loaded, DataSplit split, String checksum) {}

  /** Loads and splits the data an experiment names. */
  public PreparedData prepare(Experiment experiment) throws IOException {
    LoadedData loaded = DataPipeline.load(experiment.data(), experiment.dataFormat());
    DataSplit split = DataPipeline.split(loaded, experiment.data());
    if (split.test().isEmpty()) {
      throw new IllegalArgumentException("the split left no test cases (users: " + loaded.after().users()
          + "); check data.split and the preprocessing");
    }
    String checksum = experiment.data().usesSynthetic() ? dataChecksum(experiment.data())
        : "sha256:" + loaded.provenance().get("sha256");
    return new PreparedData(loaded, split, checksum);
  }

  /**
   * The checksum {@link #prepare} records for this data, without loading it: the SHA-256 of the file, or of the
   * synthetic generator's settings.
   */
  public static String dataChecksum(DataConfig data) throws IOException {
    return data.usesSynthetic() ? Provenance.sha256(DataPipeline.syntheticSource(data.synthetic()))
        : "sha256:" + DataPipeline.sha256(Path.of(data.path()));
  }

  /**
   * Runs {@code experiment} into {@code runDir}; see {@link RunDirectory} for how the directory is written.
   *
   * @param mode what may happen to a finished or interrupted run already in {@code runDir}
   */
  public RunRecord run(Experiment experiment, Path runDir, RunMode mode) throws IOException {
    return run(experiment, prepare(experiment), runDir, mode);
  }

  /** Runs {@code experiment} on data prepared earlier. */
  public RunRecord run(Experiment experiment, PreparedData data, Path runDir, RunMode mode) throws IOException {
    RunDirectory dir = RunDirectory.of(runDir);
    Path work = dir.begin(mode);
    boolean resume = mode == RunMode.RESUME;
    RunState state = new RunState(data.checksum(), 0);
    if (resume) {
      state = resumable(experiment, data, dir);
    }
    AtomicFiles.writeString(work.resolve(RunFiles.CONFIG), RunIdentity.configText(experiment));
    state.write(work);
    Provenance provenance = Provenance.capture(data.checksum(), experiment.seed());
    DataSplit split = data.split();

    List<EvalCase> validation = split.validation();
    List<EvalCase> test = split.test();
    if (experiment.evaluation().needsCandidates()) {
      validation = frozenCandidates(experiment, split, validation, work.resolve(VALIDATION_CANDIDATES), 1);
      test = frozenCandidates(experiment, split, test, work.resolve(TEST_CANDIDATES), 2);
    }
    Map<String, String> extras = new LinkedHashMap<>(split.protocol());
    ItemPopularity popularity = ItemPopularity.fromDataset(split.train());
    Evaluator testEvaluator = experiment.evaluation().evaluator(experiment.seed(), extras, popularity);
    // Model selection needs means only: skip the bootstrap during training.
    Evaluator validator = experiment.evaluation().validator(experiment.seed(), extras, popularity);

    KeptEpoch kept = new KeptEpoch();
    TrainedModel model;
    long t0 = System.nanoTime();
    double earlierSeconds = state.trainSeconds();
    RunState started = state;
    // Training time survives a stop and resume: what earlier attempts spent is kept in run-state.json.
    Runnable saveTime = () -> {
      try {
        started.withTrainSeconds(earlierSeconds + (System.nanoTime() - t0) / 1e9).write(work);
      } catch (IOException ex) {
        throw new java.io.UncheckedIOException(ex);
      }
    };
    Path epochFile = work.resolve(RunFiles.EPOCHS);
    RunRecord record;
    String phase = "before training";
    try (LogFileListener log = new LogFileListener(work.resolve(RunFiles.LOG));
        EpochLog epochLog = new EpochLog(epochFile, !resume)) {
      log.line("run " + dir.name() + ": model " + experiment.model().name() + ", " + split.train().users().size()
          + " training users, " + validation.size() + " validation and " + test.size() + " test cases");
      log.line(provenance.backends());
      TrainingListener clock = new TrainingListener() {
        @Override
        public void onEpochEnd(org.recsys.api.EpochResult result) {
          saveTime.run();
        }
      };
      TrainingListener listener = new Listeners(kept, log, epochLog, clock,
          new ConsoleProgress(experiment.model().name(), out, quiet, stop));
      TrainingContext context = new TrainingContext(experiment.seed(), validation.isEmpty() ? null : validator,
          work.resolve(CHECKPOINT_DIR), resume, listener);
      phase = "during training";
      try {
        model = experiment.model().trainer().train(new TrainingData(split.train(), validation), context);
      } catch (TrainingStoppedException stopped) {
        saveTime.run();
        throw new RunStoppedException("during epoch " + stopped.epoch(), work, stopped);
      } catch (RuntimeException failed) {
        saveTime.run();
        throw failed;
      }
      saveTime.run();
      double trainSeconds = earlierSeconds + (System.nanoTime() - t0) / 1e9;
      log.line(String.format(Locale.ROOT, "trained in %.1f s", trainSeconds));
      phase = checkStop("after training", work);
      Path modelDir = work.resolve(RunFiles.MODEL_DIR);
      // What a killed save left there must not mix with this model's files.
      RunDirectory.deleteTree(modelDir);
      SavedModels.save(model, modelDir);

      phase = checkStop("during evaluation", work);
      long t1 = System.nanoTime();
      EvaluationReport report;
      try (ScoringProgress scoring = new ScoringProgress(model, "evaluate " + experiment.model().name(), test.size(),
          showBars(), stop::requested)) {
        report = testEvaluator.evaluate(scoring, test);
      }
      double evalSeconds = (System.nanoTime() - t1) / 1e9;
      log.line(String.format(Locale.ROOT, "evaluated %d cases in %.1f s", test.size(), evalSeconds));

      Map<String, MetricSummary> validationMetrics = validation.isEmpty() ? Map.of()
          : validator.evaluate(model, validation).metrics();
      List<String> warnings = warnings(experiment, data);
      Map<String, Object> dataSummary = dataSummary(data, split, warnings);
      record = new RunRecord(dir.name(), experiment.model().name(), report.protocol(),
          report.cases(), report.metrics(), validationMetrics, EpochLog.read(epochFile), kept.bestEpoch(), trainSeconds, evalSeconds,
          dataSummary, provenance);
      // Charts cannot be drawn once the JVM is shutting down (Java2D registers shutdown hooks): stop before.
      phase = checkStop("before writing the report", work);
      writeResults(work, test, report, record, warnings);
    } catch (RunStoppedException stopped) {
      throw stopped;
    } catch (RuntimeException failed) {
      if (stop.requested()) {
        // Whatever failed because the JVM is shutting down, the unfinished run is intact for --resume.
        throw new RunStoppedException(phase, work, failed);
      }
      throw failed;
    }
    dir.commit();
    return record;
  }

  /**
   * Evaluates a saved model on the test cases of {@code data} under the experiment's protocol, drawing (or
   * reusing from {@code candidatesDir}) the same sampled candidates a run with the same seed uses.
   *
   * @throws IllegalArgumentException when the model's vocabulary differs from the data's
   */
  public EvaluationReport evaluate(Experiment experiment, PreparedData data, TrainedModel model, Path candidatesDir)
      throws IOException {
    return evaluator(experiment, data).evaluate(model, testCases(experiment, data, model, candidatesDir));
  }

  /**
   * Evaluates a saved model as {@link #evaluate} does and writes the result as a finished run directory in
   * {@code runDir}: the config, metrics, per-case values and reports, but no model. {@code recsys compare} reads
   * it as any run, so a model trained under one protocol can be compared under another. The training figures
   * (epochs, best epoch, training time, validation metrics) are those of {@code trained}, the model's own run,
   * or empty when it is not known.
   */
  public RunRecord evaluateInto(Experiment experiment, PreparedData data, TrainedModel model, Path candidatesDir,
      RunRecord trained, Path runDir, RunMode mode) throws IOException {
    RunDirectory dir = RunDirectory.of(runDir);
    Path work = dir.begin(mode);
    AtomicFiles.writeString(work.resolve(RunFiles.CONFIG), RunIdentity.configText(experiment));
    List<EvalCase> test = testCases(experiment, data, model, candidatesDir);
    long t0 = System.nanoTime();
    EvaluationReport report = evaluator(experiment, data).evaluate(model, test);
    double evalSeconds = (System.nanoTime() - t0) / 1e9;
    List<String> warnings = warnings(experiment, data);
    Map<String, Object> dataSummary = dataSummary(data, data.split(), warnings);
    dataSummary.put("evaluatedModel", candidatesDir.toAbsolutePath().normalize().toString());
    RunRecord record = new RunRecord(dir.name(), experiment.model().name(), report.protocol(), report.cases(),
        report.metrics(), trained == null ? Map.of() : trained.validation(),
        trained == null ? List.of() : trained.epochs(), trained == null ? 0 : trained.bestEpoch(),
        trained == null ? 0 : trained.trainSeconds(), evalSeconds, dataSummary,
        Provenance.capture(data.checksum(), experiment.seed()));
    writeResults(work, test, report, record, warnings);
    dir.commit();
    return record;
  }

  private List<EvalCase> testCases(Experiment experiment, PreparedData data, TrainedModel model, Path candidatesDir)
      throws IOException {
    DataSplit split = data.split();
    if (!model.vocabulary().equals(split.train().items())) {
      throw new IllegalArgumentException("the model's vocabulary (" + model.vocabulary().size() + " items) differs from"
          + " the data's (" + split.train().items().size() + " items): evaluate with the data and preprocessing the"
          + " model was trained on");
    }
    List<EvalCase> test = split.test();
    if (experiment.evaluation().needsCandidates()) {
      Path file = candidatesDir.resolve(TEST_CANDIDATES);
      // A finished run directory is never written to: candidates it lacks are drawn (the same way) in memory.
      test = Files.exists(file) ? frozenCandidates(experiment, split, test, file, 2)
          : SampledCandidates.generate(test, sampler(experiment, split, experiment.seed() * 31 + 2),
              experiment.candidates().negatives(), experiment.seed() * 31 + 2).attachTo(test);
    }
    return test;
  }

  private static Evaluator evaluator(Experiment experiment, PreparedData data) {
    return experiment.evaluation().evaluator(experiment.seed(), data.split().protocol(),
        ItemPopularity.fromDataset(data.split().train()));
  }

  private static List<String> warnings(Experiment experiment, PreparedData data) {
    List<String> warnings = new ArrayList<>(data.split().warnings());
    String dataWarning = data.loaded().provenance().get("preprocess." + Preprocessor.WARNING);
    if (dataWarning != null) {
      warnings.add(dataWarning);
    }
    if (experiment.data().usesSynthetic()) {
      // Synthetic users share no clock and no drift, so the leave-one-out time-leak warning does not apply.
      warnings.removeIf(w -> w.startsWith("leave-one-out on data with real timestamps"));
    }
    return warnings;
  }

  private static void writeResults(Path work, List<EvalCase> test, EvaluationReport report, RunRecord record,
      List<String> warnings) throws IOException {
    RunFiles.writePerCase(work, test, report);
    RunFiles.writeRecord(work, record);
    AtomicFiles.writeString(work.resolve(RunFiles.REPORT_MD), MarkdownReport.render(record, warnings));
    AtomicFiles.writeString(work.resolve(RunFiles.REPORT_HTML), HtmlReport.render(record, warnings));
  }

  /** Stops the run here when a stop was asked for; returns {@code when}, the phase about to start. */
  private String checkStop(String when, Path work) {
    if (stop.requested()) {
      throw new RunStoppedException(when, work, null);
    }
    return when;
  }

  private boolean showBars() {
    return !quiet && System.console() != null;
  }

  private List<EvalCase> frozenCandidates(Experiment experiment, DataSplit split, List<EvalCase> cases, Path file,
      long salt) throws IOException {
    if (cases.isEmpty()) {
      return cases;
    }
    long seed = experiment.seed() * 31 + salt;
    SampledCandidates candidates = SampledCandidates.loadOrGenerate(file, cases, sampler(experiment, split, seed),
        experiment.candidates().negatives(), seed);
    return candidates.attachTo(cases);
  }

  private static NegativeSampler sampler(Experiment experiment, DataSplit split, long seed) {
    return experiment.candidates().sampler().equals("popularity")
        ? NegativeSampler.popularity(split.train(), seed)
        : NegativeSampler.uniform(split.train().numItems(), seed);
  }

  private static Map<String, Object> dataSummary(PreparedData data, DataSplit split, List<String> warnings) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.putAll(data.loaded().provenance());
    m.put("users", data.loaded().after().users());
    m.put("items", data.loaded().after().items());
    m.put("interactions", data.loaded().after().interactions());
    m.put("trainUsers", split.train().users().size());
    m.put("validationCases", split.validation().size());
    m.put("testCases", split.test().size());
    m.put("usersTrainOnly", split.usersTrainOnly());
    m.put("usersDropped", split.usersDropped());
    if (!warnings.isEmpty()) {
      m.put("warnings", String.join("; ", warnings));
    }
    return m;
  }

  /**
   * Checks that the interrupted (or finished) run in {@code dir} is this experiment on this data, the epoch
   * limit aside, and returns its state.
   *
   * @throws UsageException naming the first difference
   */
  private RunState resumable(Experiment experiment, PreparedData data, RunDirectory dir) throws IOException {
    Path work = dir.staging();
    Optional<RunIdentity> there = RunIdentity.read(work);
    if (there.isEmpty()) {
      out.println("note: " + work + " records no config (killed as it started); training starts from the beginning");
      out.flush();
      return new RunState(data.checksum(), 0);
    }
    // The epoch limit: a flat key, or the expanded spec's that a preset's resolved config records.
    Optional<String> d = there.get().difference(RunIdentity.of(experiment, data.checksum()),
        Set.of("model.epochs", "model.training.epochs"));
    if (d.isPresent()) {
      throw new UsageException("--resume: the run in " + dir.target() + " was made with another config or data: "
          + d.get() + ". Resume it with its own config (" + work.resolve(RunFiles.CONFIG) + "), or start again with"
          + " --overwrite");
    }
    if (!hasCheckpoint(work.resolve(CHECKPOINT_DIR))) {
      out.println("note: " + work.resolve(CHECKPOINT_DIR) + " holds no checkpoint (the model keeps none, or it was"
          + " stopped before its first epoch ended); training starts from the beginning");
      out.flush();
    }
    RunState state = RunState.read(work);
    return new RunState(data.checksum(), state.trainSeconds());
  }

  private static boolean hasCheckpoint(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (var files = Files.list(dir)) {
      return files.anyMatch(f -> Files.isRegularFile(f)
          && !AtomicFiles.isTemporary(f.getFileName().toString()));
    }
  }
}
