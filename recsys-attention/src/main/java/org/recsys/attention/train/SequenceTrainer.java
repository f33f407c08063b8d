package org.recsys.attention.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.recsys.api.ConfigException;
import org.recsys.api.EpochResult;
import org.recsys.api.EvaluationReport;
import org.recsys.api.Evaluator;
import org.recsys.api.MetricSummary;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;
import org.recsys.api.TrainingListener;
import org.recsys.api.TrainingStoppedException;
import org.recsys.attention.nn.Adam;
import org.recsys.attention.nn.DropoutRandom;
import org.recsys.data.batch.Batch;
import org.recsys.data.batch.TrainingBatches;
import org.recsys.data.sampling.NegativeSampler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop shared by the attention models: per-epoch shuffled next-item windows (with sampled
 * negatives when the network's loss needs them), Adam, validation every few epochs through the context's
 * {@link Evaluator}, early stopping with patience, restoring the best weights, atomic checkpoints with resume,
 * and listener callbacks.
 *
 * <p>Every random choice derives from the context's seed, the epoch and the step, so a run resumed from a
 * checkpoint (at an epoch boundary or mid-epoch after a stop request) continues exactly as the uninterrupted
 * run would have.
 */
public final class SequenceTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(SequenceTrainer.class);
  /** Adam's epsilon, as in {@code torch.optim.Adam}. */
  public static final double ADAM_EPSILON = 1e-8;

  private final TrainerSettings settings;

  public SequenceTrainer(TrainerSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public TrainerSettings settings() {
    return settings;
  }

  /**
   * Trains {@code network} in place; on return it holds the best validated weights (or the last ones when
   * nothing was validated).
   *
   * @throws TrainingStoppedException when the listener asked to stop (after writing a checkpoint, if the
   *     context names a directory)
   * @throws ConfigException naming {@code model.metric} when the validator does not report the metric
   * @throws IllegalStateException when the loss becomes NaN or infinite
   */
  public TrainingOutcome train(TrainableNetwork network, TrainingData data, TrainingContext context) {
    TrainingListener listener = context.listener();
    long seed = context.seed();
    TrainingBatches batches = new TrainingBatches(data.train(), settings.maxLen(), settings.batchSize(), seed);
    int k = network.negativesPerPosition();
    if (k > 0) {
      batches = batches.withNegatives(NegativeSampler.uniform(data.train().numItems(), seed), k);
    }
    Evaluator validator = data.validation().isEmpty() ? null : context.validator();
    String identity = Checkpoint.identity(seed, settings, network, data);
    try (Adam adam = new Adam(network.parameters(), settings.learningRate(), settings.beta1(), settings.beta2(),
        settings.epsilon(), settings.l2Embedding())) {
      TrainerState state = new TrainerState();
      if (context.checkpointDir() != null) {
        Checkpoint.deleteStaleTemporaries(context.checkpointDir());
      }
      if (context.resume() && !Files.exists(Checkpoint.file(context.checkpointDir()))) {
        LOG.warn("nothing to resume in {}: no {}; training starts from epoch 1", context.checkpointDir(),
            Checkpoint.FILE_NAME);
      }
      if (context.resume() && Files.exists(Checkpoint.file(context.checkpointDir()))) {
        state = Checkpoint.read(context.checkpointDir(), identity, network.parameters(), adam);
        LOG.info("resumed from {} at epoch {}, step {}", context.checkpointDir(), state.epoch, state.step);
        if (state.finished && !state.stoppedEarly && state.epoch <= settings.epochs()) {
          state.finished = false; // the run is extended to more epochs
        }
      }
      int steps = batches.batchesPerEpoch();
      while (!state.finished && state.epoch <= settings.epochs()) {
        int epoch = state.epoch;
        listener.onEpochStart(epoch, settings.epochs(), steps);
        Iterator<Batch> it = batches.epoch(epoch);
        for (int skip = 0; skip < state.step; skip++) {
          it.next(); // replays the sampler's draws of the steps already taken
        }
        long start = System.nanoTime();
        while (it.hasNext()) {
          if (listener.stopRequested()) {
            state.seconds += (System.nanoTime() - start) / 1e9;
            if (context.checkpointDir() != null) {
              Checkpoint.write(context.checkpointDir(), identity, state, network.parameters(), adam);
            }
            throw new TrainingStoppedException(epoch, "training stopped on request at epoch " + epoch + ", step "
                + state.step + (context.checkpointDir() != null ? "; checkpoint written to "
                + context.checkpointDir() : ""));
          }
          Batch batch = it.next();
          double loss = network.computeGradients(TrainingBatch.of(batch),
              DropoutRandom.mix(DropoutRandom.mix(seed, epoch), state.step));
          if (!Double.isFinite(loss)) {
            throw new IllegalStateException("the training loss became " + loss + " at epoch " + epoch + ", step "
                + (state.step + 1) + "; lower the learning rate");
          }
          adam.step();
          state.step++;
          state.lossSum += loss;
          listener.onStep(epoch, state.step, loss);
        }
        state.seconds += (System.nanoTime() - start) / 1e9;
        Map<String, Double> metrics = new LinkedHashMap<>();
        boolean improved = false;
        boolean due = epoch % settings.validateEvery() == 0 || epoch == settings.epochs();
        if (validator != null && due) {
          double value = validate(validator, network, data, metrics);
          if (state.best == null || value > state.bestMetric) {
            improved = true;
            state.bestMetric = value;
            state.bestEpoch = epoch;
            state.best = network.parameters().snapshot();
            state.badValidations = 0;
          } else {
            state.badValidations++;
          }
        }
        EpochResult result = new EpochResult(epoch, state.step == 0 ? 0 : state.lossSum / state.step,
            state.seconds, metrics, improved);
        state.history.add(result);
        state.epoch++;
        state.step = 0;
        state.lossSum = 0;
        state.seconds = 0;
        if (state.badValidations >= settings.patience()) {
          state.stoppedEarly = true;
          state.finished = true;
        }
        if (state.epoch > settings.epochs()) {
          state.finished = true;
        }
        listener.onEpochEnd(result);
        if (context.checkpointDir() != null) {
          Checkpoint.write(context.checkpointDir(), identity, state, network.parameters(), adam);
        }
      }
      int bestEpoch = state.best != null ? state.bestEpoch : state.history.size();
      if (state.best != null) {
        network.parameters().restore(state.best);
      }
      listener.onTrainingEnd(bestEpoch);
      return new TrainingOutcome(bestEpoch, state.best != null ? state.bestMetric : Double.NaN,
          state.history.size(), state.stoppedEarly, state.history);
    } catch (IOException e) {
      throw new UncheckedIOException("checkpoint in " + context.checkpointDir() + ": " + e.getMessage(), e);
    }
  }

  private double validate(Evaluator validator, TrainableNetwork network, TrainingData data,
      Map<String, Double> metrics) {
    EvaluationReport report = validator.evaluate(network.recommender(), data.validation());
    for (Map.Entry<String, MetricSummary> e : report.metrics().entrySet()) {
      metrics.put(e.getKey(), e.getValue().mean());
    }
    try {
      return report.mean(settings.metric());
    } catch (NoSuchElementException e) {
      throw new ConfigException("model.metric", "validation metric '" + settings.metric()
          + "' is not reported by the validator; available: " + report.metrics().keySet(), e);
    }
  }
}
