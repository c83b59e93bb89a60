package in.nfopslab.orchestrator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A fingerprint of the code that makes a run's trades: the content of every jar (or class folder)
 * the given classes were loaded from. {@code --resume} reuses a part only when it was made by the
 * same code, so a rebuilt strategy, engine or data reader runs again instead of mixing its results
 * with the old build's. The build writes reproducible jars ({@code project.build.outputTimestamp}),
 * so rebuilding unchanged code keeps the fingerprint.
 */
final class CodeIdentity {
  /** Content hash per code location (jar or folder), computed once per process. */
  private static final Map<Path, String> HASHES = new ConcurrentHashMap<>();

  private CodeIdentity() {}

  /** The fingerprint of the code locations of {@code classes} (order and duplicates ignored). */
  static String of(Collection<Class<?>> classes) {
    TreeSet<String> hashes = new TreeSet<>();
    for (Class<?> c : classes) {
      Path where = location(c);
      if (where != null) {
        hashes.add(HASHES.computeIfAbsent(where, CodeIdentity::hash));
      }
    }
    return String.join(",", hashes);
  }

  /** The classes of the engine, the data readers and the orchestrator, plus {@code more}. */
  static String ofRun(Stream<Class<?>> more) {
    List<Class<?>> classes =
        Stream.concat(
                Stream.of(
                    in.nfopslab.core.engine.Engine.class,
                    in.nfopslab.data.market.MarketLoader.class,
                    CodeIdentity.class),
                more)
            .toList();
    return of(classes);
  }

  private static Path location(Class<?> c) {
    CodeSource source = c.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null; // the JDK's own classes
    }
    try {
      return Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot tell where " + c.getName() + " was loaded from: " + source.getLocation(), e);
    }
  }

  static String hash(Path where) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      if (Files.isDirectory(where)) {
        // a class folder (tests, an IDE): every file's relative path and bytes, in name order
        List<Path> files;
        try (Stream<Path> s = Files.walk(where)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
          md.update(where.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
          md.update((byte) 0);
          md.update(Files.readAllBytes(f));
        }
      } else {
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(where)) {
          for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
          }
        }
      }
      return java.util.HexFormat.of().formatHex(md.digest(), 0, 8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the code at " + where, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
