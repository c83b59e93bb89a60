package in.nfopslab.bench.bars;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Memory figures of one measured run: the peak heap in use (sampled every few milliseconds), the
 * peak live heap (the largest heap occupancy right after a collection, which is what a bounded
 * working set bounds; the in-use peak mostly shows how far the collector let the young generation
 * grow) and the process's peak resident set (VmHWM from /proc/self/status, which includes the JVM,
 * the code cache and off-heap Arrow/DuckDB memory), and the process's CPU time over the measured
 * work.
 */
final class MemoryWatch implements AutoCloseable {
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakLive = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private final List<Runnable> undo = new ArrayList<>();
  private final Thread sampler;
  private volatile boolean running = true;

  MemoryWatch() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        NotificationListener l =
            (n, handback) -> {
              if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                  n.getType())) {
                return;
              }
              GarbageCollectionNotificationInfo info =
                  GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
              long after = 0;
              for (Map.Entry<String, MemoryUsage> e :
                  info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (isHeap(e.getKey())) {
                  after += e.getValue().getUsed();
                }
              }
              collections.incrementAndGet();
              peakLive.accumulateAndGet(after, Math::max);
            };
        emitter.addNotificationListener(l, null, null);
        undo.add(
            () -> {
              try {
                emitter.removeNotificationListener(l);
              } catch (javax.management.ListenerNotFoundException ignored) {
                // already gone
              }
            });
      }
    }
    sampler =
        new Thread(
            () -> {
              while (running) {
                peakUsed.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "memory-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  private static boolean isHeap(String pool) {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getName().equals(pool)) {
        return p.getType() == MemoryType.HEAP;
      }
    }
    return false;
  }

  private long cpuStart;

  /** Marks the start of the measured work for {@link #cpuSeconds}. */
  void startCpu() {
    cpuStart = processCpuNanos();
  }

  /** CPU time of the whole process (every thread: workers, JIT, GC) since {@link #startCpu}. */
  double cpuSeconds() {
    return (processCpuNanos() - cpuStart) / 1e9;
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0L;
  }

  long peakUsedBytes() {
    return peakUsed.get();
  }

  /** Largest heap occupancy after a collection; 0 when no collection ran. */
  long peakLiveBytes() {
    return peakLive.get();
  }

  long collections() {
    return collections.get();
  }

  /**
   * Peak resident set size of this process in bytes (VmHWM), or -1 where /proc is not available.
   */
  static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024L;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    peakUsed.accumulateAndGet(
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    undo.forEach(Runnable::run);
  }
}
