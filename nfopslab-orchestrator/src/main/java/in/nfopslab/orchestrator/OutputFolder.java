package in.nfopslab.orchestrator;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks before a run that its output folder can be created and written, so an unwritable folder (a
 * path under a regular file, no permission, a read-only or full file system) is one clear error
 * before any work starts, instead of a bare path from deep inside the run.
 */
final class OutputFolder {
  private OutputFolder() {}

  static void requireWritable(Path out) throws IOException {
    try {
      Files.createDirectories(out);
    } catch (FileAlreadyExistsException e) {
      throw new IOException(
          "cannot use output folder " + out + ": " + e.getFile() + " exists and is not a folder",
          e);
    } catch (IOException e) {
      throw new IOException("cannot create output folder " + out + ": " + reason(e, out), e);
    }
    // a probe file: permissions, read-only mounts and a full disk all show up here, not halfway
    // through a run
    Path probe =
        out.resolve(
            ".nfops-write-probe-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    try {
      Files.write(probe, new byte[] {'\n'});
    } catch (IOException e) {
      throw new IOException("cannot write in output folder " + out + ": " + reason(e, out), e);
    } finally {
      try {
        Files.deleteIfExists(probe);
      } catch (IOException ignored) {
        // nothing was written, or the folder refuses deletes too: the error above says enough
      }
    }
  }

  /**
   * The OS reason of a file-system error, naming the file only when it is not the folder (or in
   * it).
   */
  static String reason(IOException e, Path folder) {
    String reason =
        e instanceof AccessDeniedException
            ? "permission denied"
            : e instanceof FileSystemException f && f.getReason() != null
                ? f.getReason()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String file = e instanceof FileSystemException f ? f.getFile() : null;
    // the folder itself, or our probe file in it, says nothing the message does not already say
    boolean known =
        file == null || Path.of(file).equals(folder) || folder.equals(Path.of(file).getParent());
    return known ? reason : reason + " (" + file + ")";
  }
}
