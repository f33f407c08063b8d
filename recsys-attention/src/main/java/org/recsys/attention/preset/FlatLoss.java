package org.recsys.attention.preset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.recsys.api.ConfigException;
import org.recsys.attention.spec.SequentialSpec;

/**
 * The presets' flat loss keys ({@code model.loss}, {@code negatives}, {@code gbceT}, {@code ceExcludesHistory},
 * {@code scoreBias}) as the spec's {@code loss} mapping. A key that the chosen loss does not take is an error
 * naming it, rather than silently ignored; so is a bad value of a key it takes ({@link #flatKeys}).
 */
record FlatLoss(String loss, Integer negatives, Double gbceT, Boolean ceExcludesHistory, Boolean scoreBias,
    Double bprReg) {
  private static final String CHOICES = "bce, ce, sampled-softmax, gbce, bpr-max";

  /** The keys of a preset that has no {@code bprReg}. */
  FlatLoss(String loss, Integer negatives, Double gbceT, Boolean ceExcludesHistory, Boolean scoreBias) {
    this(loss, negatives, gbceT, ceExcludesHistory, scoreBias, null);
  }

  /** The spec's {@code loss} mapping; the loss's own record fills and checks the rest. */
  ObjectNode toSpec() {
    ObjectNode node = SequentialSpec.typed(loss);
    if (!loss.equals("bpr-max")) {
      only("bprReg", bprReg == null, "bpr-max");
    }
    switch (loss) {
      case "bce" -> {
        only("gbceT", gbceT == null, "gbce");
        only("ceExcludesHistory", ceExcludesHistory == null, "ce");
        putIfSet(node, "negatives", negatives);
        if (scoreBias != null) {
          node.put("scoreBias", scoreBias);
        }
      }
      case "gbce" -> {
        only("ceExcludesHistory", ceExcludesHistory == null, "ce");
        putIfSet(node, "negatives", negatives);
        if (gbceT != null) {
          node.put("t", gbceT);
        }
        if (scoreBias != null) {
          node.put("scoreBias", scoreBias);
        }
      }
      case "sampled-softmax" -> {
        only("gbceT", gbceT == null, "gbce");
        only("ceExcludesHistory", ceExcludesHistory == null, "ce");
        noScoreBias();
        putIfSet(node, "negatives", negatives);
      }
      case "bpr-max" -> {
        only("gbceT", gbceT == null, "gbce");
        only("ceExcludesHistory", ceExcludesHistory == null, "ce");
        noScoreBias();
        putIfSet(node, "negatives", negatives);
        if (bprReg != null) {
          node.put("regularization", bprReg);
        }
      }
      case "ce" -> {
        only("gbceT", gbceT == null, "gbce");
        noScoreBias();
        if (negatives != null && negatives != 0) {
          throw new ConfigException("model.negatives", "loss ce scores every item and takes no negatives, got "
              + negatives);
        }
        if (ceExcludesHistory != null) {
          node.put("excludeHistory", ceExcludesHistory);
        }
      }
      default -> throw new ConfigException("model.loss", "unknown loss '" + loss + "'; valid: " + CHOICES);
    }
    return node;
  }

  /**
   * {@code e} naming the flat key that stands for the loss's spec key it names ({@code model.loss.t} is
   * {@code model.gbceT}); any other error as it is.
   */
  static ConfigException flatKeys(ConfigException e) {
    String prefix = "model.loss.";
    if (e.key() == null || !e.key().startsWith(prefix)) {
      return e;
    }
    String flat = "model." + switch (e.key().substring(prefix.length())) {
      case "t" -> "gbceT";
      case "excludeHistory" -> "ceExcludesHistory";
      case "regularization" -> "bprReg";
      default -> e.key().substring(prefix.length());
    };
    return new ConfigException(flat, e.getMessage().replace("(" + e.key() + ")", "(" + flat + ")"), e);
  }

  private void only(String key, boolean absent, String owner) {
    if (!absent) {
      throw new ConfigException("model." + key, key + " applies only to loss " + owner + " (loss is " + loss + ")");
    }
  }

  private void noScoreBias() {
    if (scoreBias != null) {
      throw new ConfigException("model.scoreBias", "scoreBias applies only to the binary losses bce and gbce (loss"
          + " is " + loss + ", which adding one constant to every score does not change)");
    }
  }

  private static void putIfSet(ObjectNode node, String key, Integer value) {
    if (value != null) {
      node.put(key, value);
    }
  }
}
