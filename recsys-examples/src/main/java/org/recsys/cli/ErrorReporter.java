package org.recsys.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.recsys.api.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a subcommand into one clear line on stderr and an exit code: configuration and
 * usage problems exit with 2, everything else with 1. The stack trace is printed only with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
    boolean verbose = parsed.matchedOption("--verbose") != null
        || parsed.subcommands().stream().anyMatch(p -> p.matchedOption("--verbose") != null)
        || hasVerbose(parsed);
    var err = cli.getErr();
    err.println(cli.getColorScheme().errorText("error: " + describe(ex)));
    if (verbose) {
      ex.printStackTrace(err);
    } else if (!(ex instanceof ConfigException) && !(ex instanceof UsageException)) {
      err.println("(run with --verbose for details)");
    }
    err.flush();
    return ex instanceof ConfigException || ex instanceof UsageException ? ExitCodes.USAGE_ERROR : ExitCodes.RUNTIME_ERROR;
  }

  private static boolean hasVerbose(ParseResult parsed) {
    ParseResult p = parsed;
    while (p != null) {
      if (p.matchedOption("--verbose") != null) {
        return true;
      }
      p = p.subcommand();
    }
    return false;
  }

  static String describe(Throwable ex) {
    Throwable t = ex;
    if (t instanceof UncheckedIOException u && u.getCause() != null) {
      t = u.getCause();
    }
    if (t instanceof NoSuchFileException nsf) {
      return "file not found: " + nsf.getFile() + (nsf.getReason() == null ? "" : " (" + nsf.getReason() + ")");
    }
    if (t instanceof FileSystemException fse && fse.getFile() != null) {
      // Their message is often the bare path: say what is wrong with it.
      return fse.getFile() + (fse.getOtherFile() == null ? "" : " -> " + fse.getOtherFile()) + ": " + problem(fse);
    }
    if (t instanceof IOException && t.getMessage() != null) {
      return t.getMessage();
    }
    String msg = t.getMessage();
    return msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg;
  }

  private static String problem(FileSystemException e) {
    String kind;
    if (e instanceof FileAlreadyExistsException) {
      kind = Files.isRegularFile(Path.of(e.getFile())) ? "is a file, where a directory was needed" : "already exists";
    } else if (e instanceof AccessDeniedException) {
      kind = "permission denied";
    } else if (e instanceof NotDirectoryException) {
      kind = "not a directory";
    } else if (e instanceof DirectoryNotEmptyException) {
      kind = "directory not empty";
    } else if (e.getReason() != null) {
      return e.getReason(); // the operating system's words, e.g. "Not a directory"
    } else {
      kind = "cannot be accessed";
    }
    return e.getReason() == null ? kind : kind + " (" + e.getReason() + ")";
  }
}
