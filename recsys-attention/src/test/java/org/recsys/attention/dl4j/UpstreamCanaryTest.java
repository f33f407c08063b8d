package org.recsys.attention.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.recsys.attention.model.Architecture;

/**
 * Canaries for the DL4J 1.0.0-M2.1 defects the dl4j backend works around: each test passes while the defect is
 * there and fails once an upgrade fixes it, saying which workaround can then go. (That the workarounds themselves
 * are right is {@link Dl4jParityTest}'s and {@link Dl4jDropoutTest}'s job.)
 */
class UpstreamCanaryTest {
  private static final String FIXED = "DL4J fixed this: ";

  /** Workaround: {@link RowLookup} looks rows up in Java and adds their gradients back. */
  @Test
  void gatherHasNoGradient() {
    SameDiff sd = SameDiff.create();
    SDVariable table = sd.var("table", Nd4j.rand(DataType.FLOAT, 6, 3));
    SDVariable ids = sd.placeHolder("ids", DataType.INT32, -1);
    sd.sum("loss", sd.gather(table, ids, 0)).markAsLoss();
    Throwable t = quietly(() -> sd.calculateGradients(Map.of("ids", Nd4j.createFromArray(1, 1, 4)), "table"));
    assertThat(t).as(FIXED + "gather differentiates; RowLookup could become sd.gather").isNotNull();
  }

  /** Workaround: {@link DropoutMask} feeds masks drawn in Java. */
  @Test
  void dropoutHasNoGradient() {
    SameDiff sd = SameDiff.create();
    SDVariable v = sd.var("v", Nd4j.rand(DataType.FLOAT, 3, 4));
    sd.sum("loss", sd.nn.dropout(v, 0.5)).markAsLoss();
    Throwable t = quietly(() -> sd.calculateGradients(Map.of(), "v"));
    assertThat(t).as(FIXED + "dropout differentiates; DropoutMask could become sd.nn.dropout")
        .isInstanceOf(UnsupportedOperationException.class);
  }

  /**
   * Workaround: {@link CaserGraph}'s vertical filters are one product with the filter matrix, not a sum of its
   * elements read one by one. Each {@code w.get(point(i), point(k))} of a matrix, used in a product, should get
   * the gradient {@code sum(x)}; in row 0 all of them land on the first element (seen: {@code [24, 0, 0, 8, 8,
   * 8]} for {@code [8, 8, 8, 8, 8, 8]}).
   */
  @Test
  void pointReadsOfOneMatrixLoseTheirGradients() {
    SameDiff sd = SameDiff.create();
    SDVariable w = sd.var("w", Nd4j.rand(DataType.FLOAT, 2, 3));
    SDVariable x = sd.constant("x", Nd4j.ones(DataType.FLOAT, 4, 2));
    SDVariable sum = null;
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 3; k++) {
        SDVariable term = x.mul(w.get(SDIndex.point(i), SDIndex.point(k)));
        sum = sum == null ? term : sum.add(term);
      }
    }
    sd.sum("loss", sum).markAsLoss();
    float[] g = quietlyGradient(sd, "w");
    // Every element's gradient is the sum of x: 8.
    assertThat(g).as(FIXED + "point reads differentiate; CaserGraph could read the vertical filters one by one")
        .isNotEqualTo(new float[] {8, 8, 8, 8, 8, 8});
  }

  /**
   * Workaround: {@link CaserGraph} pools as {@code a + relu(b - a)}. The derivative of {@code max(x, x)} in
   * {@code x} is 1, but {@code sd.math.max} of two equal values passes the whole gradient to both inputs.
   */
  @Test
  void maxOfEqualValuesPassesTheGradientToBoth() {
    SameDiff sd = SameDiff.create();
    SDVariable x = sd.var("x", Nd4j.createFromArray(new float[] {0.5f, 2f}));
    sd.sum("loss", sd.math.max(x.mul(1.0), x.mul(1.0))).markAsLoss();
    assertThat(quietlyGradient(sd, "x")).as(FIXED + "max splits ties; CaserGraph could pool with sd.math.max")
        .containsExactly(2f, 2f);
  }

  /** Workaround: {@link SoftmaxCrossEntropyGraph}'s log-sum-exp from primitive ops. */
  @Test
  void logSumExpFailsInBackprop() {
    SameDiff sd = SameDiff.create();
    SDVariable v = sd.var("v", Nd4j.rand(DataType.FLOAT, 3, 5));
    sd.sum("loss", sd.math.logSumExp(v, 1)).markAsLoss();
    Throwable t = quietly(() -> sd.calculateGradients(Map.of(), "v"));
    assertThat(t).as(FIXED + "logSumExp differentiates; SoftmaxCrossEntropyGraph could use it").isNotNull();
  }

  /** Workaround: {@link SoftmaxCrossEntropyGraph} rather than the built-in loss. */
  @Test
  void sparseSoftmaxCrossEntropyOverflowsOnSpreadLogits() {
    SameDiff sd = SameDiff.create();
    INDArray logits = Nd4j.createFromArray(new float[][] {{-90f, 0f, 95f}, {100f, -100f, 3f}});
    SDVariable v = sd.var("v", logits);
    SDVariable loss = sd.loss.sparseSoftmaxCrossEntropy("loss", v, sd.constant(Nd4j.createFromArray(0, 1)));
    INDArray value = loss.eval(); // one loss per row
    double[] expected = {185 + Math.log1p(Math.exp(-95) + Math.exp(-185)), 200 + Math.log1p(Math.exp(-97))};
    boolean right = Math.abs(value.getDouble(0) - expected[0]) < 1e-3 && Math.abs(value.getDouble(1) - expected[1])
        < 1e-3;
    assertThat(right).as(FIXED + "sparseSoftmaxCrossEntropy gives %s (expected %s); SoftmaxCrossEntropyGraph"
        + " could use it", value, Arrays.toString(expected)).isFalse();
  }

  /** Workaround: {@link BinaryCrossEntropyGraph}'s softplus as {@code relu(x) + log(1 + exp(-|x|))}. */
  @Test
  void softplusOverflowsForLargeInputs() {
    SameDiff sd = SameDiff.create();
    INDArray out = sd.nn.softplus(sd.constant(Nd4j.createFromArray(100f))).eval();
    assertThat(Float.isInfinite(out.getFloat(0))).as(FIXED + "softplus(100) = %s; BinaryCrossEntropyGraph could"
        + " use sd.nn.softplus", out).isTrue();
  }

  /** Workaround: {@link SameDiffGraph} creates its gradient function with {@code System.out} silenced. */
  @Test
  void creatingTheGradientFunctionPrintsToStandardOutput() {
    SameDiff sd = SameDiff.create();
    SDVariable v = sd.var("v", Nd4j.rand(DataType.FLOAT, 2, 2));
    sd.sum("loss", v.mul(v)).markAsLoss();
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      sd.createGradFunction();
    } finally {
      System.setOut(out);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).as(FIXED + "createGradFunction is quiet;"
        + " SameDiffGraph need not silence System.out").contains("differentiated op");
  }

  /** The workaround above holds: building and running a graph prints nothing. */
  @Test
  void theGraphItselfPrintsNothing() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Architecture a = ParityCases.blueprint(ParityCases.sasrec(4, "{'type': 'bce'}")).architecture(5);
      try (Dl4jNetwork network = new Dl4jNetwork(a, ParityCases.weights(a, 1))) {
        network.computeGradients(ParityCases.batch(2, 4, 5, 1, 2), 1);
      }
    } finally {
      System.setOut(out);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  /** d(loss)/d({@code variable}) with nothing fed, flattened; the graph's printing kept off standard output. */
  private static float[] quietlyGradient(SameDiff sd, String variable) {
    PrintStream out = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      return sd.calculateGradients(Map.of(), variable).get(variable).reshape(-1).toFloatVector();
    } finally {
      System.setOut(out);
    }
  }

  private static Throwable quietly(Runnable r) {
    PrintStream out = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      return catchThrowable(r::run);
    } finally {
      System.setOut(out);
    }
  }
}
