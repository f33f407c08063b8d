package org.recsys.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The SHA-256 of every file of a directory tree, in {@value #FILE_NAME} ({@code sha256sum}'s format, so
 * {@code sha256sum -c checksums.sha256} checks it too). Written last, once everything else is in place, it is
 * both the mark of a complete directory and the means to detect a file that was damaged, cut short or appended
 * to afterwards.
 */
public final class ChecksumList {
  /** The list's file name inside the directory it covers. */
  public static final String FILE_NAME = "checksums.sha256";

  private ChecksumList() {}

  /** True when {@code dir} holds a checksum list, i.e. was completely written. */
  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE_NAME));
  }

  /**
   * Lists every regular file under {@code dir} (temporary files of {@link AtomicFiles} left out) and writes the
   * list atomically.
   */
  public static void write(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String name : files(dir)) {
      if (name.indexOf('\n') >= 0 || name.indexOf('\\') >= 0) {
        throw new IOException(dir.resolve(name) + ": a file name with a newline or backslash cannot be listed");
      }
      sb.append(sha256(dir.resolve(name))).append("  ").append(name).append('\n');
    }
    AtomicFiles.writeString(dir.resolve(FILE_NAME), sb.toString());
  }

  /**
   * Checks every listed file against its checksum.
   *
   * @throws NoSuchFileException naming the list when {@code dir} has none (it was never completely written)
   * @throws IOException naming the first file that is missing or whose content changed
   */
  public static void verify(Path dir) throws IOException {
    Map<String, String> listed = read(dir);
    for (Map.Entry<String, String> e : listed.entrySet()) {
      check(dir, e.getKey(), e.getValue());
    }
  }

  /**
   * Checks only {@code names} (paths relative to {@code dir}, with {@code /}), each of which must be listed.
   *
   * @throws IOException naming the list or the first file that is unlisted, missing or changed
   */
  public static void verify(Path dir, Collection<String> names) throws IOException {
    Map<String, String> listed = read(dir);
    for (String name : names) {
      String expected = listed.get(name);
      if (expected == null) {
        throw new IOException(dir.resolve(FILE_NAME) + ": does not list " + name);
      }
      check(dir, name, expected);
    }
  }

  private static void check(Path dir, String name, String expected) throws IOException {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "listed in " + FILE_NAME + " but missing");
    }
    String actual = sha256(file);
    if (!actual.equals(expected)) {
      throw new IOException(file + ": checksum mismatch: the file was damaged, cut short or changed after it was"
          + " saved (" + FILE_NAME + " has sha256 " + expected + ", the file has " + actual + ")");
    }
  }

  private static Map<String, String> read(Path dir) throws IOException {
    Path list = dir.resolve(FILE_NAME);
    List<String> lines;
    try {
      lines = Files.readAllLines(list, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(list.toString(), null, "no checksum list: " + dir
          + " was not completely written (or was written by an older recsys)");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      // "<64 hex digits>  <name>"; sha256sum's binary mode writes " *" instead of two spaces.
      if (line.length() < 67 || line.charAt(64) != ' ' || (line.charAt(65) != ' ' && line.charAt(65) != '*')
          || !isHex(line.substring(0, 64))) {
        throw new IOException(list + ":" + (i + 1) + ": not a checksum line: '" + line + "'");
      }
      out.put(line.substring(66), line.substring(0, 64));
    }
    return out;
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Relative paths of the regular files under {@code dir}, sorted, with {@code /} as separator. */
  private static List<String> files(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        String file = p.getFileName().toString();
        if (Files.isRegularFile(p) && !p.equals(dir.resolve(FILE_NAME)) && !AtomicFiles.isTemporary(file)) {
          names.add(dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"));
        }
      }
    }
    names.sort(null);
    return names;
  }

  /** The SHA-256 of a file's bytes, in lower-case hex. */
  public static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
