package in.nfopslab.data.read;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The process's Arrow root allocator. Arrow's allocators are meant to be shared and are
 * thread-safe; one root with a child per read keeps the accounting in one place and lets a leak
 * show up as a non-zero root.
 */
public final class ArrowMemory {
  private static final RootAllocator ROOT = new RootAllocator(Long.MAX_VALUE);

  private ArrowMemory() {}

  public static BufferAllocator root() {
    return ROOT;
  }
}
