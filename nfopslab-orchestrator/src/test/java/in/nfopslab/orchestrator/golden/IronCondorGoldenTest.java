package in.nfopslab.orchestrator.golden;

import org.junit.jupiter.api.Test;

/**
 * iron_condor with its defaults on the golden lab; a change here must be explained in the commit
 * that makes it.
 */
class IronCondorGoldenTest {
  // the tiny lab's wings trade rarely: 5 of 8 entries are cancelled unfilled
  @Test
  void defaultsOnTheGoldenLab() {
    GoldenLab.get()
        .run("iron_condor")
        .assertGolden(
            3,
            24.35,
            42.233344,
            "ec5b5af57aba596d503050ab9cb5e8d6cf3a5d1eea451c3a4d1ae6c3fc2f2609");
  }
}
