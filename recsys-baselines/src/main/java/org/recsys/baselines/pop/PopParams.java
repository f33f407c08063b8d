package org.recsys.baselines.pop;

/**
 * Parameters of the popularity baseline ({@code type: pop}). It has none: every item scores its number of
 * training interactions. The record exists so that a config with any key under the model fails to bind.
 */
public record PopParams() {}
