package org.recsys.attention.spec;

import org.recsys.attention.layer.Initialisation;

/**
 * What a block is built into.
 *
 * @param name the block's name, the prefix of its parameters ({@code encoder.block0})
 * @param inputSize the size of the rows it receives
 * @param maxLen the window length
 * @param init how the encoder draws fresh weights
 */
public record BlockContext(String name, int inputSize, int maxLen, Initialisation init) {}
