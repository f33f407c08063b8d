package org.recsys.attention.nn.blas;

import java.util.Locale;
import org.recsys.api.EpochResult;
import org.recsys.api.TrainingContext;
import org.recsys.api.TrainingListener;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.preset.SasRecPreset;
import org.recsys.data.split.DataSplit;
import org.recsys.data.split.LeaveOneOutSplitter;
import org.recsys.data.synthetic.SyntheticConfig;
import org.recsys.data.synthetic.SyntheticGenerator;

/**
 * Trains a small SASRec for a few epochs and prints the kernel and each epoch's loss, one a line; run in a fresh
 * JVM per kernel by {@link KernelLossCurveTest}.
 */
public final class LossCurveProbe {
  private LossCurveProbe() {}

  public static void main(String[] args) {
    System.out.println("kernel=" + BlasRuntime.load().kernel());
    DataSplit split = new LeaveOneOutSplitter().split(
        SyntheticGenerator.generate(SyntheticConfig.defaults().withSize(300, 60, 20, 40)));
    SasRecPreset.Params p = new SasRecPreset.Params(30, 32, 2, 2, 0.1, null, null, 0.005, null, null, null, 64, 4,
        null, null, null, null, null, 100, null, null, 1, null);
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onEpochEnd(EpochResult r) {
        System.out.println(String.format(Locale.ROOT, "loss%d=%.8f", r.epoch(), r.loss()));
      }
    };
    new SasRecPreset(SequentialFactory.discover()).trainer(p).train(split.trainingData(),
        new TrainingContext(5, null, null, false, listener));
  }
}
