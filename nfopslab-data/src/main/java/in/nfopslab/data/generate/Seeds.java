package in.nfopslab.data.generate;

import static java.util.Objects.requireNonNull;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the run's seed and a key naming what the stream drives,
 * e.g. {@code "NIFTY|2024-01-02|spot"}. Every series of every day has its own stream, so the output
 * does not depend on which thread generates what, or in which order.
 */
final class Seeds {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Seeds() {}

  static SplittableRandom random(long seed, String key) {
    return new SplittableRandom(mix(seed, key));
  }

  /**
   * A 64-bit mix of the seed and the key: FNV-1a over the key's chars, then SplitMix64's finaliser.
   */
  static long mix(long seed, String key) {
    requireNonNull(key, "key is null");
    long h = FNV_OFFSET ^ seed;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= FNV_PRIME;
    }
    return splitMix(h + seed * 0x9e3779b97f4a7c15L);
  }

  private static long splitMix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
