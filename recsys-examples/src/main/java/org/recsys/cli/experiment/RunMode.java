package org.recsys.cli.experiment;

/** What a run may do with what its run directory already holds. */
public enum RunMode {
  /** Start a run; refuse a directory that holds a finished or an interrupted run. */
  NEW,
  /** Start a run that replaces a finished run once it is complete, discarding an interrupted one. */
  OVERWRITE,
  /** Continue the interrupted run (or a finished one, e.g. to more epochs) from its checkpoint. */
  RESUME
}
