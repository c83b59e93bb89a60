package in.nfopslab.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code nfops} (or a script) in a child process on this test's class path, the way a user
 * runs it from a shell: its own JVM, exit code, stdout and stderr. The child also sees the test
 * strategies of {@link OpsStrategies#servicesDir}.
 */
final class NfopsProcess {
  /** What a finished child process left behind. */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private NfopsProcess() {}

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** This JVM's class path, with {@code servicesDir} (may be null) in front. */
  static String classPath(Path servicesDir) {
    return (servicesDir == null ? "" : servicesDir + File.pathSeparator)
        + System.getProperty("java.class.path");
  }

  /** The java command line of {@code nfops args...}. */
  static List<String> command(Path servicesDir, String... args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classPath(servicesDir),
                Nfops.class.getName()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** A bash launcher like bin/nfops for scripts under test (their NFOPS variable). */
  static Path launcher(Path dir, Path servicesDir) throws IOException {
    Path f = dir.resolve("nfops");
    String script =
        "#!/usr/bin/env bash\nexec "
            + quote(java())
            + " --add-opens=java.base/java.nio=ALL-UNNAMED"
            + " -Xmx512m -XX:TieredStopAtLevel=1 -cp "
            + quote(classPath(servicesDir))
            + " "
            + Nfops.class.getName()
            + " \"$@\"\n";
    Files.writeString(f, script, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    return f;
  }

  static Result run(Path servicesDir, Duration timeout, String... args)
      throws IOException, InterruptedException {
    return exec(new ProcessBuilder(command(servicesDir, args)), timeout);
  }

  /**
   * Runs a prepared process to its end (killing it after {@code timeout}), capturing stdout and
   * stderr.
   */
  static Result exec(ProcessBuilder pb, Duration timeout) throws IOException, InterruptedException {
    Path out = Files.createTempFile("nfops-out", ".txt");
    Path err = Files.createTempFile("nfops-err", ".txt");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError(
            "timed out after " + timeout + ": " + pb.command() + "\n" + Files.readString(err));
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
