package org.recsys.attention.sasrec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.recsys.api.EpochResult;
import org.recsys.api.SequenceDataset;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingData;
import org.recsys.api.TrainingListener;
import org.recsys.attention.model.ComposedNetwork;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.preset.SasRecPreset;
import org.recsys.attention.testing.BenchSupport;
import org.recsys.attention.train.SequenceTrainer;
import org.recsys.attention.train.TrainableNetwork;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;

/**
 * Times SASRec epochs (paper settings, BCE) on a {@code user item} file through the monolithic pass or the
 * composed network, from the same seed, without validation; prints each epoch's seconds and loss (the losses of
 * the two must agree).
 *
 * <pre>
 * java -cp ... org.recsys.attention.sasrec.PassVsComposedEpochBenchmark ml-1m.txt pass|composed THREADS EPOCHS
 * </pre>
 */
public final class PassVsComposedEpochBenchmark {
  private PassVsComposedEpochBenchmark() {}

  public static void main(String[] args) throws java.io.IOException {
    SequenceDataset data = BenchSupport.read(Path.of(args[0]));
    boolean composed = args[1].equals("composed");
    int threads = Integer.parseInt(args[2]);
    int epochs = Integer.parseInt(args[3]);
    DataSplit split = new LeaveOneOutSplitter().split(data);
    SasRecParams params = SasRecParams.builder().epochs(epochs).threads(threads).validateEvery(epochs + 1).build();
    SasRecPreset.Params preset = new SasRecPreset.Params(null, null, null, null, null, null, null, null, null, null,
        null, null, epochs, null, null, null, null, null, epochs + 1, null, null, threads);
    long seed = 42;
    int n = split.train().numItems();
    TrainableNetwork network = composed
        ? ComposedNetwork.create(SequentialFactory.discover().components().resolve(SasRecPreset.spec(preset))
            .architecture(n), seed, threads)
        : SasRecNetwork.create(params, n, seed);
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onEpochEnd(EpochResult r) {
        System.out.printf(Locale.ROOT, "%s threads %d epoch %d seconds %.3f loss %.6f%n", args[1], threads, r.epoch(),
            r.seconds(), r.loss());
      }
    };
    try (network) {
      new SequenceTrainer(SasRecTrainer.settings(params)).train(network, new TrainingData(split.train(), List.of()),
          new TrainingContext(seed, null, null, false, listener));
    }
  }
}
