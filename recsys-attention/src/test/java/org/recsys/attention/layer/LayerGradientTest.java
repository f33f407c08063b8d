package org.recsys.attention.layer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.testing.LayerGradientCheck;

/** Every layer's backward pass against finite differences of its forward pass ({@link LayerGradientCheck}). */
class LayerGradientTest {
  private static final int SIZE = 4;

  @Test
  void linear() {
    LayerGradientCheck.of(Linear.of("linear", SIZE, 3, Initializer.zeros(), Initializer.zeros())).run();
  }

  @Test
  void layerNorm() {
    LayerGradientCheck.of(new LayerNormLayer("norm", SIZE + 1, 1e-5f)).run();
  }

  @Test
  void feedForward() {
    LayerGradientCheck.of(new FeedForward("ffn", SIZE, 6, 0.0, Activation.RELU, Initialisation.XAVIER)).run();
  }

  @Test
  void feedForwardWithDropout() {
    LayerGradientCheck.of(new FeedForward("ffn", SIZE, 6, 0.3, Activation.RELU, Initialisation.XAVIER))
        .withDropout(5).run();
  }

  @Test
  void feedForwardWithGelu() {
    LayerGradientCheck.of(new FeedForward("ffn", SIZE, 6, 0.0, Activation.GELU, Initialisation.XAVIER)).run();
    LayerGradientCheck.of(new FeedForward("ffn", SIZE, 6, 0.3, Activation.GELU, Initialisation.XAVIER))
        .withDropout(5).run();
  }

  @Test
  void bidirectionalPostLnBlockWithGelu() {
    LayerGradientCheck.of(new TransformerBlock("block", SIZE, 2, 6, false, BlockLayout.POST_LN, 0.2, 0.2, 1e-5f,
        Activation.GELU, Initialisation.XAVIER)).withDropout(5).run();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void selfAttention(int heads) {
    for (boolean causal : new boolean[] {true, false}) {
      LayerGradientCheck.of(new SelfAttention("attention", SIZE, heads, causal, 0.0, Initialisation.XAVIER))
          .weightScale(2).run();
    }
  }

  @Test
  void selfAttentionWithDropout() {
    LayerGradientCheck.of(new SelfAttention("attention", SIZE, 2, true, 0.3, Initialisation.XAVIER)).weightScale(2)
        .withDropout(5).run();
  }

  @ParameterizedTest
  @EnumSource(BlockLayout.class)
  void transformerBlock(BlockLayout layout) {
    for (boolean causal : new boolean[] {true, false}) {
      LayerGradientCheck.of(block(layout, causal, 0.0)).run();
    }
  }

  @ParameterizedTest
  @EnumSource(BlockLayout.class)
  void transformerBlockWithDropout(BlockLayout layout) {
    LayerGradientCheck.of(block(layout, true, 0.2)).withDropout(5).run();
  }

  private static TransformerBlock block(BlockLayout layout, boolean causal, double dropout) {
    return new TransformerBlock("block", SIZE, 2, 6, causal, layout, dropout, dropout, 1e-5f, Activation.RELU,
        Initialisation.XAVIER);
  }

  @Test
  void lstm() {
    LayerGradientCheck.of(new Lstm("lstm", SIZE, 3, 0.0)).run();
  }

  @Test
  void lstmWithInputDropout() {
    Lstm lstm = new Lstm("lstm", SIZE, 3, 0.3);
    LayerGradientCheck.of(lstm).run();
    LayerGradientCheck.of(lstm).withDropout(5).run();
  }

  @Test
  void gru() {
    LayerGradientCheck.of(new Gru("gru", SIZE, 3, 0.0)).run();
  }

  @Test
  void gruWithInputDropout() {
    LayerGradientCheck.of(new Gru("gru", SIZE, 3, 0.3)).withDropout(5).run();
  }

  @Test
  void attentionPooling() {
    LayerGradientCheck.of(new AttentionPooling("pooling", 3, 3, SIZE, 0.0)).weightScale(2).run();
  }

  @Test
  void attentionPoolingWithDropout() {
    LayerGradientCheck.of(new AttentionPooling("pooling", 3, 3, SIZE, 0.3)).weightScale(2).withDropout(5).run();
  }

  /** Window 3 over sequences of 5, 1 and 3 rows: pooling over rows before the sequence, and the user term. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void caserConvolution(boolean user) {
    LayerGradientCheck.of(new CaserConvolution("caser", SIZE, 3, 2, 2, 0.0, user)).weightScale(2).run();
  }

  @Test
  void caserConvolutionWithDropout() {
    LayerGradientCheck.of(new CaserConvolution("caser", SIZE, 3, 2, 2, 0.3, true)).weightScale(2).withDropout(5)
        .run();
  }

  @ParameterizedTest
  @EnumSource(PositionOrigin.class)
  void sequenceEmbedding(PositionOrigin origin) {
    for (Positions positions : Positions.values()) {
      LayerGradientCheck.of(new SequenceEmbedding("embedding", 10, SIZE, 6, positions, origin, true, false,
          0f, 0.0, Initialisation.XAVIER)).run();
    }
  }

  @Test
  void sequenceEmbeddingWithDropout() {
    LayerGradientCheck.of(new SequenceEmbedding("embedding", 10, SIZE, 6, Positions.LEARNED, PositionOrigin.END,
        false, false, 0f, 0.3, Initialisation.XAVIER)).withDropout(5).run();
  }

  @Test
  void sequenceEmbeddingWithNormAndDropout() {
    for (double dropout : new double[] {0.0, 0.3}) {
      LayerGradientCheck.of(new SequenceEmbedding("embedding", 10, SIZE, 6, Positions.LEARNED, PositionOrigin.START,
          false, true, 1e-5f, dropout, Initialisation.XAVIER)).withDropout(5).run();
    }
  }

  /** The check is tight: a gradient 2% off in one tensor fails it. */
  @Test
  void aTwoPercentErrorInOneTensorFails() {
    Linear linear = Linear.of("linear", SIZE, 3, Initializer.zeros(), Initializer.zeros());
    assertThatThrownBy(() -> LayerGradientCheck.of(new ScaledGradient(linear, "linear.w", 1.02f)).run())
        .isInstanceOf(AssertionError.class).hasMessageContaining("linear.w");
  }

  /** A layer whose backward scales one parameter's gradient: a wrong backward for the check to catch. */
  private record ScaledGradient(Linear inner, String parameter, float factor) implements Layer {
    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public int inputSize() {
      return inner.inputSize();
    }

    @Override
    public int outputSize() {
      return inner.outputSize();
    }

    @Override
    public List<ParameterSpec> parameters() {
      return inner.parameters();
    }

    @Override
    public LayerPass pass(ParameterSet weights, boolean trainable) {
      LayerPass pass = inner.pass(weights, trainable);
      int index = weights.indexOf(parameter);
      return new LayerPass() {
        @Override
        public FloatTensor forward(Rows rows, FloatTensor in) {
          return pass.forward(rows, in);
        }

        @Override
        public FloatTensor backward(Rows rows, FloatTensor dOut, FloatTensor[] grads) {
          FloatTensor dIn = pass.backward(rows, dOut, grads);
          for (int j = 0; j < grads[index].length(); j++) {
            grads[index].set(j, grads[index].get(j) * factor);
          }
          return dIn;
        }

        @Override
        public void close() {
          pass.close();
        }
      };
    }
  }
}
