package org.recsys.attention.dl4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.model.SequentialFactory;
import org.recsys.attention.nn.FloatTensor;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.spec.Blueprint;
import org.recsys.attention.spec.SequentialSpec;
import org.recsys.attention.train.TrainingBatch;

/** Specs, weights and batches for checking the dl4j backend against the native one. */
final class ParityCases {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  static final SequentialFactory FACTORY = SequentialFactory.discover();

  private ParityCases() {}

  /** A spec from JSON with single quotes. */
  static SequentialSpec spec(String json) {
    try {
      return JSON.readValue(json.replace('\'', '"'), SequentialSpec.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  static Blueprint blueprint(String json) {
    return FACTORY.components().resolve(spec(json));
  }

  /**
   * SASRec without dropout: learned positions counted from the end, scaled embeddings, causal blocks in the
   * reference layout with two heads, a final norm and the tied dot head.
   */
  static String sasrec(int maxLen, String loss) {
    return "{'name': 'sasrec', 'backend': 'dl4j', 'maxLen': " + maxLen + ", 'encoder': {'embedding': {'hiddenSize': 8,"
        + " 'dropout': 0.0}, 'blocks': [{'type': 'transformer', 'heads': 2, 'dropout': 0.0}], 'repeat': 2},"
        + " 'loss': " + loss + "}";
  }

  /**
   * A BERT4Rec-like encoder without dropout: positions from the start, unscaled embeddings, bidirectional
   * {@code layout} blocks with two heads, no final norm, a dot head (tied or not) with a per-item bias, the Cloze
   * objective.
   */
  static String bidirectional(int maxLen, String layout, boolean tied, String loss) {
    return "{'backend': 'dl4j', 'maxLen': " + maxLen + ", 'encoder': {'embedding': {'hiddenSize': 8, 'positionOrigin':"
        + " 'start', 'scale': false, 'dropout': 0.0}, 'blocks': [{'type': 'transformer', 'heads': 2, 'inner': 12,"
        + " 'attention': 'bidirectional', 'layout': '" + layout + "', 'dropout': 0.0, 'eps': 1e-12}], 'repeat': 2,"
        + " 'finalNorm': false}, 'head': {'type': 'dot', 'tied': " + tied + ", 'bias': true}, 'loss': " + loss
        + ", 'objective': {'type': 'masked-item', 'maskProbability': 0.3}}";
  }

  /** The bert4rec preset's composition: an embedding norm, post-ln blocks with a GELU feed-forward, ce. */
  static String bert4rec(int maxLen) {
    return "{'backend': 'dl4j', 'maxLen': " + maxLen + ", 'encoder': {'embedding': {'hiddenSize': 8, 'positionOrigin':"
        + " 'start', 'scale': false, 'dropout': 0.0, 'norm': true}, 'blocks': [{'type': 'transformer', 'heads': 2,"
        + " 'inner': 32, 'attention': 'bidirectional', 'layout': 'post-ln', 'activation': 'gelu', 'dropout': 0.0,"
        + " 'eps': 1e-12}], 'repeat': 2, 'finalNorm': false, 'eps': 1e-12}, 'head': {'type': 'dot', 'tied': true,"
        + " 'bias': true}, 'loss': {'type': 'ce'}, 'objective': {'type': 'masked-item', 'maskProbability': 0.3}}";
  }

  /**
   * LSTM-attention without dropout: an embedding without positions, two LSTM layers and causal additive
   * attention pooling, the tied dot head.
   */
  static String lstmAttention(int maxLen, String loss) {
    return "{'backend': 'dl4j', 'maxLen': " + maxLen + ", 'encoder': {'embedding': {'hiddenSize': 8, 'positions':"
        + " 'none', 'dropout': 0.0}, 'blocks': [{'type': 'lstm', 'hiddenSize': 6}, {'type': 'lstm', 'hiddenSize': 6},"
        + " {'type': 'attention-pooling', 'attentionSize': 5, 'outputSize': 8, 'dropout': 0.0}], 'finalNorm': false},"
        + " 'loss': " + loss + "}";
  }

  /** GRU4Rec's composition: no positions, one GRU layer, an untied dot head with a per-item bias. */
  static String gru4rec(int maxLen, String loss) {
    return "{'backend': 'dl4j', 'maxLen': " + maxLen + ", 'encoder': {'embedding': {'hiddenSize': 8, 'positions':"
        + " 'none', 'dropout': 0.0}, 'blocks': [{'type': 'gru', 'hiddenSize': 8}], 'finalNorm': false},"
        + " 'head': {'type': 'dot', 'tied': false, 'bias': true}, 'loss': " + loss + "}";
  }

  /** Caser's composition: no positions, one caser block (window 3, with the user term), an untied head with bias. */
  static String caser(int maxLen, String loss) {
    return "{'backend': 'dl4j', 'maxLen': " + maxLen + ", 'encoder': {'embedding': {'hiddenSize': 8, 'positions':"
        + " 'none', 'dropout': 0.0}, 'blocks': [{'type': 'caser', 'window': 3, 'horizontal': 3, 'vertical': 2,"
        + " 'dropout': 0.0}], 'finalNorm': false}, 'head': {'type': 'dot', 'tied': false, 'bias': true}, 'loss': "
        + loss + "}";
  }

  /** Fresh weights for {@code seed}, each then moved by noise so that no bias is 0 and no gain 1 (row 0 kept at 0). */
  static ParameterSet weights(Architecture architecture, long seed) {
    ParameterSet w = architecture.layout().allocate();
    architecture.layout().initialise(w, seed);
    SplittableRandom random = new SplittableRandom(seed + 1);
    for (int i = 0; i < w.size(); i++) {
      FloatTensor v = w.get(i).value();
      long[] shape = v.shape();
      boolean table = w.get(i).embedding();
      for (int j = table ? (int) shape[1] : 0; j < v.length(); j++) {
        v.set(j, v.get(j) + (float) (0.2 * (random.nextDouble() - 0.5)));
      }
    }
    return w;
  }

  /** A copy of {@code w}'s values in a new set of the architecture's layout. */
  static ParameterSet copy(Architecture architecture, ParameterSet w) {
    ParameterSet c = architecture.layout().allocate();
    c.copyValuesFrom(w);
    return c;
  }

  /**
   * Left-padded next-item windows of random lengths over items {@code 1..numItems} (one full, one of a single item),
   * with {@code k} negatives per target.
   */
  static TrainingBatch batch(int windows, int maxLen, int numItems, int k, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] inputs = new int[windows * maxLen];
    int[] targets = new int[windows * maxLen];
    int[] negatives = new int[windows * maxLen * k];
    for (int w = 0; w < windows; w++) {
      int len = w == 0 ? maxLen : w == 1 ? 1 : 1 + random.nextInt(maxLen);
      int[] seq = random.ints(len + 1, 1, numItems + 1).toArray();
      for (int i = 0; i < len; i++) {
        int at = w * maxLen + maxLen - len + i;
        inputs[at] = seq[i];
        targets[at] = seq[i + 1];
        for (int j = 0; j < k; j++) {
          negatives[at * k + j] = 1 + random.nextInt(numItems);
        }
      }
    }
    return new TrainingBatch(windows, maxLen, inputs, targets, negatives, k);
  }

  /** Histories of random lengths (some longer than {@code maxLen}). */
  static List<int[]> histories(int count, int maxLen, int numItems, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<int[]> out = new ArrayList<>();
    for (int h = 0; h < count; h++) {
      out.add(random.ints(1 + random.nextInt(maxLen + 3), 1, numItems + 1).toArray());
    }
    return out;
  }
}
