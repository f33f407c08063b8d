package org.recsys.attention.spec;

import org.recsys.attention.layer.Initialisation;

/**
 * What a head is built on.
 *
 * @param encoderTable the name of the encoder's item table (for heads tied to it)
 * @param numItems the items scored, {@code 1..numItems}
 * @param stateSize the size of the encoder's states
 * @param init how the encoder draws fresh weights
 */
public record HeadContext(String encoderTable, int numItems, int stateSize, Initialisation init) {}
