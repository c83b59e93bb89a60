package in.nfopslab.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file under a temporary name in the target's folder, then renames it into place, so a
 * killed process never leaves a half-written file under the real name. Temporary names carry the
 * process id and a counter, so concurrent writers of the same target never share one. A write that
 * fails (a full disk, no permission) removes its temporary file, keeps whatever the target held
 * before, and throws an IOException naming the target.
 */
public final class AtomicFiles {
  /** Writes the whole content to the given path (the temporary file). */
  @FunctionalInterface
  public interface Writer {
    void write(Path tmp) throws IOException;
  }

  private static final AtomicLong COUNTER = new AtomicLong();
  private static final String TMP_MARK = ".tmp-";

  private AtomicFiles() {}

  public static void write(Path target, Writer writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp =
        dir.resolve(
            "."
                + target.getFileName()
                + TMP_MARK
                + ProcessHandle.current().pid()
                + "-"
                + COUNTER.incrementAndGet());
    try {
      writer.write(tmp);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      IOException io = e instanceof Error ? null : ioCause(e);
      if (io != null) {
        // writers (Parquet among them) often wrap the OS error or drop the path: say which file
        // could not be written
        throw new IOException("cannot write " + target + ": " + reason(io), e);
      }
      throw e;
    }
  }

  private static IOException ioCause(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  private static String reason(IOException e) {
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  public static void writeString(Path target, String content) throws IOException {
    write(target, tmp -> Files.writeString(tmp, content));
  }

  /**
   * True for a temporary file this class creates (e.g. left by a killed process), so cleaners can
   * skip it.
   */
  public static boolean isTemporary(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith(".") && name.contains(TMP_MARK);
  }
}
