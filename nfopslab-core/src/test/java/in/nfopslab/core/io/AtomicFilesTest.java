package in.nfopslab.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails halfway (a full disk) leaves the old content and no temporary file, and names
 * the target.
 */
class AtomicFilesTest {
  @TempDir Path dir;

  private static void halfThenDiskFull(Path tmp) throws IOException {
    try (OutputStream out = Files.newOutputStream(tmp)) {
      out.write(new byte[4096]);
      throw new IOException("No space left on device");
    }
  }

  private long filesIn(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.count();
    }
  }

  @Test
  void aWriteThatFailsHalfwayKeepsTheOldFileAndLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("status.parquet");
    Files.writeString(target, "the old content");

    assertThatThrownBy(() -> AtomicFiles.write(target, AtomicFilesTest::halfThenDiskFull))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot write " + target + ": No space left on device");

    assertThat(target).hasContent("the old content");
    assertThat(filesIn(dir)).isEqualTo(1);
  }

  @Test
  void aNewFileThatCannotBeWrittenIsNotCreated() throws Exception {
    Path target = dir.resolve("trades.parquet");
    assertThatThrownBy(() -> AtomicFiles.write(target, AtomicFilesTest::halfThenDiskFull))
        .isInstanceOf(IOException.class);
    assertThat(target).doesNotExist();
    assertThat(filesIn(dir)).isZero();
  }

  @Test
  void anIoErrorWrappedByALibraryIsReportedAsAnIoErrorNamingTheTarget() throws Exception {
    Path target = dir.resolve("x.parquet");
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    tmp -> {
                      Files.writeString(tmp, "partial");
                      throw new UncheckedIOException(new IOException("No space left on device"));
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot write " + target + ": No space left on device")
        .hasCauseInstanceOf(UncheckedIOException.class);
    assertThat(filesIn(dir)).isZero();
  }

  @Test
  void aSuccessfulWriteReplacesTheTargetAndLeavesNothingElse() throws Exception {
    Path target = dir.resolve("run_state.properties");
    AtomicFiles.writeString(target, "state=running\n");
    AtomicFiles.writeString(target, "state=finished\n");
    assertThat(target).hasContent("state=finished");
    assertThat(filesIn(dir)).isEqualTo(1);
  }
}
