/**
 * SASRec (Kang and McAuley, "Self-Attentive Sequential Recommendation", ICDM 2018) with hand-written forward and
 * backward passes on ND4J buffers, registered as {@code type: sasrec} by {@link
 * org.recsys.attention.sasrec.SasRecModule}.
 */
package org.recsys.attention.sasrec;
