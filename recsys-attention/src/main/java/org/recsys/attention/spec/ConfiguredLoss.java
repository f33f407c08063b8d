package org.recsys.attention.spec;

import org.recsys.attention.loss.Loss;

/**
 * A loss as configured: the loss and whether training adds a learned score bias to every score.
 */
public record ConfiguredLoss(Loss loss, boolean scoreBias) {}
