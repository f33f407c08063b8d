package org.recsys.api;

import java.util.Map;

/**
 * The summary of one training epoch.
 *
 * @param epoch 1-based epoch number
 * @param loss mean training loss over the epoch's steps
 * @param seconds wall-clock seconds of training in the epoch (validation excluded)
 * @param validation validation metrics computed after this epoch, empty when validation was not due
 * @param improved whether this epoch's validation metric is the best so far
 */
public record EpochResult(int epoch, double loss, double seconds, Map<String, Double> validation, boolean improved) {
  public EpochResult {
    validation = Map.copyOf(validation);
  }
}
