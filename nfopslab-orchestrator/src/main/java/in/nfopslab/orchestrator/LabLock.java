package in.nfopslab.orchestrator;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An exclusive lock on a lab's output folder, so two runs on the same lab never interleave their
 * outputs: the second gets a clear refusal naming the holder. An OS file lock, so a killed run
 * (kill -9) releases it.
 */
public final class LabLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private LabLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static LabLock acquire(Path outDir, String what) throws IOException {
    Files.createDirectories(outDir);
    Path file = outDir.resolve(".nfops.lock");
    FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
      ch.close();
      throw new IllegalStateException(
          "another nfops process is using "
              + outDir
              + (holder.isEmpty() ? "" : " (" + holder + ")")
              + ": wait for it to finish, or use another --out");
    }
    ch.truncate(0);
    ch.write(
        java.nio.ByteBuffer.wrap(
            ("pid " + ProcessHandle.current().pid() + ", " + what + ", since " + Instant.now())
                .getBytes(StandardCharsets.UTF_8)));
    ch.force(false);
    return new LabLock(ch, l);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
