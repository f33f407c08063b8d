package org.recsys.cli.experiment;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;
import org.recsys.api.AtomicFiles;
import org.recsys.api.ChecksumList;
import org.recsys.cli.UsageException;

/**
 * A run directory that is never seen half-written. A run is built in a hidden sibling, {@code .<name>.partial},
 * which also keeps the checkpoint of an interrupted run for {@code --resume}. Once every file is written, a
 * {@link ChecksumList} goes in last and the sibling is renamed into place; a finished run it replaces stays
 * whole until that moment. So {@code <name>} either does not exist or holds one complete run.
 */
public final class RunDirectory {
  private static final String PARTIAL = ".partial";
  private static final String OLD = ".old";

  private final Path target;
  private final Path staging;
  private final Path old;

  private RunDirectory(Path target) {
    this.target = target.toAbsolutePath().normalize();
    Path parent = this.target.getParent();
    String name = this.target.getFileName().toString();
    this.staging = parent.resolve("." + name + PARTIAL);
    this.old = parent.resolve("." + name + OLD);
  }

  /** The run directory {@code dir}, which need not exist yet. */
  public static RunDirectory of(Path dir) {
    return new RunDirectory(dir);
  }

  /** Where the finished run lives. */
  public Path target() {
    return target;
  }

  /** Where the run is built, and where an interrupted run and its checkpoint stay. */
  public Path staging() {
    return staging;
  }

  /** The run's name: the target directory's name. */
  public String name() {
    return target.getFileName().toString();
  }

  /** True when the target holds a finished run. */
  public boolean finished() {
    return ChecksumList.exists(target);
  }

  /** True when an interrupted run waits in the staging directory. */
  public boolean interrupted() {
    return Files.isDirectory(staging) && !ChecksumList.exists(staging);
  }

  /**
   * Makes the staging directory ready and returns it, refusing anything that would lose or mix runs.
   *
   * @throws UsageException naming the directory and the flag that allows it, when {@code mode} does not allow
   *     what is there
   * @throws IOException naming the path when it is a regular file, or cannot be written
   */
  public Path begin(RunMode mode) throws IOException {
    recover();
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new IOException(target + ": exists and is not a directory, so it cannot be a run directory");
    }
    for (Path p = target.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        if (!Files.isDirectory(p)) {
          throw new IOException(p + ": is a file, so the run directory " + target + " cannot be made in it");
        }
        break;
      }
    }
    if (Files.isDirectory(target) && !finished() && !isEmpty(target) && mode != RunMode.OVERWRITE) {
      throw new UsageException(target + " exists but holds no finished run (no " + ChecksumList.FILE_NAME
          + "); choose another --out, or pass --overwrite to replace it");
    }
    switch (mode) {
      case NEW -> {
        if (finished()) {
          throw new UsageException(target + " holds a finished run; pass --overwrite to replace it (it stays"
              + " until the new run is complete), --resume to continue its training, or choose another --out");
        }
        if (Files.isDirectory(staging)) {
          throw new UsageException(target + " has an interrupted run (in " + staging + "); pass --resume to"
              + " continue it, or --overwrite to start again");
        }
      }
      case OVERWRITE -> deleteTree(staging);
      case RESUME -> {
        if (!Files.isDirectory(staging)) {
          if (!finished()) {
            throw new UsageException("--resume: " + target + " has nothing to resume: no interrupted or finished run (no "
                + staging.getFileName() + " and no " + ChecksumList.FILE_NAME + ")");
          }
          // Continuing a finished run (e.g. to more epochs) works on a copy, so the finished run stays whole.
          copyTree(target, staging);
        }
        AtomicFiles.deleteTemporaries(staging);
      }
    }
    Files.createDirectories(staging);
    return staging;
  }

  /**
   * Seals the staging directory (its checksum list is written last) and moves it into place, replacing the
   * target. A crash between the two renames is finished by the next {@link #begin} or {@link #recover}.
   */
  public void commit() throws IOException {
    AtomicFiles.deleteTemporaries(staging);
    ChecksumList.write(staging);
    deleteTree(old);
    if (Files.isDirectory(target)) {
      move(target, old);
    }
    move(staging, target);
    deleteTree(old);
  }

  /**
   * Completes a {@link #commit} that a crash cut short: a sealed staging directory with no target is moved into
   * place, and a replaced run left aside is deleted once the target is whole.
   */
  public void recover() throws IOException {
    if (!Files.exists(target) && ChecksumList.exists(staging)) {
      move(staging, target);
    } else if (!Files.exists(target) && ChecksumList.exists(old)) {
      // Killed after moving the old run aside but before the new one was sealed: put the old run back.
      move(old, target);
    }
    if (finished() && ChecksumList.exists(staging)) {
      // Killed after sealing but before moving: the sealed staging is the newer run.
      deleteTree(old);
      move(target, old);
      move(staging, target);
    }
    if (finished()) {
      deleteTree(old);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Copies a run without its top-level checksum list: a copy killed midway must never look sealed. */
  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (p.equals(from.resolve(ChecksumList.FILE_NAME))) {
          continue;
        }
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /** Deletes a directory tree if it exists. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
