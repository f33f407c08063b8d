package org.recsys.eval;

/**
 * Where each case's targets landed, and (when needed) what was recommended: filled batch by batch, each batch
 * writing only its own slots.
 */
final class CaseRanks {
  final int[][] ranks;
  final int[] targets;
  final int[][] topItems;

  CaseRanks(int cases, boolean keepTopItems) {
    ranks = new int[cases][];
    targets = new int[cases];
    topItems = keepTopItems ? new int[cases][] : null;
  }

  int size() {
    return ranks.length;
  }
}
