package in.nfopslab.data.read;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Set;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * The direct buffers parquet-java reads column chunks and decompresses pages into, kept for the
 * next read of the same thread (allocating and freeing direct memory per read is slow).
 * parquet-java releases a row group's buffers when the reader moves on or closes, after the decoder
 * is done with its pages. Keeps at most a few buffers of at most 1 MiB, so a thread holds a few MiB
 * of native memory whatever it reads. Not thread-safe: one per thread.
 */
final class PooledBuffers implements ByteBufferAllocator {
  private static final int MAX_POOLED_BYTES = 1 << 20;
  private static final int MAX_POOLED = 8;

  /**
   * Buffers a reader never hands back are forgotten past this many (they are then ordinary
   * garbage).
   */
  private static final int MAX_TRACKED = 64;

  private static final ThreadLocal<PooledBuffers> LOCAL =
      ThreadLocal.withInitial(PooledBuffers::new);

  private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();

  /**
   * Buffers handed out and not yet released: only those come back to the pool (never a slice or a
   * stranger).
   */
  private final Set<ByteBuffer> out = Collections.newSetFromMap(new IdentityHashMap<>());

  /** The calling thread's pool (reads on one thread never overlap). */
  static PooledBuffers forThread() {
    return LOCAL.get();
  }

  @Override
  public ByteBuffer allocate(int size) {
    for (Iterator<ByteBuffer> it = free.iterator(); it.hasNext(); ) {
      ByteBuffer b = it.next();
      if (b.capacity() >= size) {
        it.remove();
        b.clear().limit(size);
        track(b);
        return b;
      }
    }
    ByteBuffer b = ByteBuffer.allocateDirect(size);
    if (size <= MAX_POOLED_BYTES) {
      track(b);
    }
    return b;
  }

  private void track(ByteBuffer b) {
    if (out.size() >= MAX_TRACKED) {
      out.clear();
    }
    out.add(b);
  }

  @Override
  public void release(ByteBuffer b) {
    if (out.remove(b) && b.isDirect()) {
      if (free.size() == MAX_POOLED) {
        // keep the larger ones: small requests fit in them
        ByteBuffer smallest = null;
        for (ByteBuffer f : free) {
          if (smallest == null || f.capacity() < smallest.capacity()) {
            smallest = f;
          }
        }
        if (smallest.capacity() >= b.capacity()) {
          return;
        }
        free.remove(smallest);
      }
      free.push(b);
    }
  }

  @Override
  public boolean isDirect() {
    return true;
  }
}
