package in.nfopslab.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import in.nfopslab.core.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeIdentityTest {
  @Test
  void theSameCodeHasTheSameFingerprintAndAnyChangedByteAnother(@TempDir Path dir)
      throws Exception {
    Path a = dir.resolve("a/in/x");
    Path b = dir.resolve("b/in/x");
    Files.createDirectories(a);
    Files.createDirectories(b);
    Files.write(a.resolve("S.class"), new byte[] {1, 2, 3});
    Files.write(b.resolve("S.class"), new byte[] {1, 2, 3});
    String ha = CodeIdentity.hash(dir.resolve("a"));
    // same files in another place: same code
    assertThat(CodeIdentity.hash(dir.resolve("b"))).isEqualTo(ha);
    Files.write(b.resolve("S.class"), new byte[] {1, 2, 4});
    assertThat(CodeIdentity.hash(dir.resolve("b"))).isNotEqualTo(ha);
    // a renamed class is other code too
    Files.write(b.resolve("S.class"), new byte[] {1, 2, 3});
    Files.move(b.resolve("S.class"), b.resolve("T.class"));
    assertThat(CodeIdentity.hash(dir.resolve("b"))).isNotEqualTo(ha);
    // a jar is hashed by its bytes
    Path jar = Files.write(dir.resolve("x.jar"), new byte[] {9, 9});
    Path same = Files.write(dir.resolve("y.jar"), new byte[] {9, 9});
    assertThat(CodeIdentity.hash(jar)).isEqualTo(CodeIdentity.hash(same)).isNotEqualTo(ha);
  }

  @Test
  void aRunsFingerprintCoversEveryCodeLocationOnceWhateverTheOrder() {
    String one = CodeIdentity.of(List.of(Engine.class, CodeIdentity.class));
    assertThat(CodeIdentity.of(List.of(CodeIdentity.class, Engine.class, Engine.class)))
        .isEqualTo(one);
    // the engine (core) and this module are two locations; JDK classes have none
    assertThat(one.split(",")).hasSize(2);
    assertThat(CodeIdentity.of(List.of(String.class))).isEmpty();
    assertThat(CodeIdentity.ofRun(java.util.stream.Stream.of(String.class)))
        .isEqualTo(CodeIdentity.ofRun(java.util.stream.Stream.empty()));
  }
}
