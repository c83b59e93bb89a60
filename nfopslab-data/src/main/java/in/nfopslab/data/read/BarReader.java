package in.nfopslab.data.read;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.market.SecondBars;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Per-second bars of one file on one trading day: the session window is pushed down, then
 * aggregated.
 */
public final class BarReader {
  private final TickReader reader;

  public BarReader(TickReader reader) {
    this.reader = requireNonNull(reader, "reader is null");
  }

  public BarReader() {
    this(new TickReader());
  }

  /**
   * Bars of {@code file} for {@code session}'s day; warnings about survived faults are added to
   * {@code warnings}.
   */
  public SecondBars readDay(Path file, Session session, List<DataWarning> warnings)
      throws DataFileException {
    long from = session.epochNanosAt(0);
    long to = session.epochNanosAt(session.seconds());
    TickColumns ticks = reader.readColumns(file, from, to, false);
    warnings.addAll(ticks.warnings);
    return BarBuilder.build(session, ticks, warnings);
  }

  /**
   * The seconds with trades of {@code file} on {@code session}'s day, in order, to {@code sink}
   * (the same values as {@link #readDay} at those seconds, without the dense arrays). Returns
   * whether the file has an oi column.
   */
  public boolean readDay(
      Path file, Session session, List<DataWarning> warnings, BarBuilder.Sink sink)
      throws DataFileException {
    long from = session.epochNanosAt(0);
    long to = session.epochNanosAt(session.seconds());
    TickColumns ticks = reader.readColumns(file, from, to, false);
    warnings.addAll(ticks.warnings);
    BarBuilder.sparse(session, ticks, warnings, sink);
    return ticks.oi != null;
  }

  /**
   * The seconds with trades of {@code file} on several trading days, day {@code i} to {@code
   * sinks.apply(i)}: the window from the first session's open to the last session's close is read
   * once and split by day. A contract's file holds many days, and a page (up to 20,000 rows) of a
   * far strike spans days, so reading day by day decodes such pages again for every day; this
   * decodes each page once. The bars are the same as {@link #readDay} for each day; warnings count
   * rows over the whole window. {@code sessions} ascending, not overlapping. Returns whether the
   * file has an oi column.
   */
  public boolean readDays(
      Path file,
      List<Session> sessions,
      List<DataWarning> warnings,
      IntFunction<BarBuilder.Sink> sinks)
      throws DataFileException {
    if (sessions.isEmpty()) {
      throw new IllegalArgumentException("no sessions");
    }
    for (int i = 1; i < sessions.size(); i++) {
      if (sessions.get(i).epochNanosAt(0)
          < sessions.get(i - 1).epochNanosAt(sessions.get(i - 1).seconds())) {
        throw new IllegalArgumentException(
            "sessions must be ascending: "
                + sessions.get(i - 1).date()
                + ", "
                + sessions.get(i).date());
      }
    }
    Session first = sessions.get(0);
    Session last = sessions.get(sessions.size() - 1);
    TickColumns ticks =
        reader.readColumns(file, first.epochNanosAt(0), last.epochNanosAt(last.seconds()), false);
    warnings.addAll(ticks.warnings);
    final long[] ts = ticks.ts;
    final int n = ticks.rows;
    boolean sorted = true;
    for (int i = 1; i < n && sorted; i++) {
      sorted = ts[i] >= ts[i - 1];
    }
    if (sorted) {
      int lo = 0;
      for (int d = 0; d < sessions.size(); d++) {
        Session s = sessions.get(d);
        lo = lowerBound(ts, lo, n, s.epochNanosAt(0));
        int hi = lowerBound(ts, lo, n, s.epochNanosAt(s.seconds()));
        BarBuilder.sparse(s, ticks, lo, hi, warnings, sinks.apply(d));
        lo = hi;
      }
    } else {
      // rows out of order: each day gets its own rows in file order, then the usual sort
      for (int d = 0; d < sessions.size(); d++) {
        Session s = sessions.get(d);
        BarBuilder.sparse(
            s,
            ticks.select(s.epochNanosAt(0), s.epochNanosAt(s.seconds())),
            warnings,
            sinks.apply(d));
      }
    }
    return ticks.oi != null;
  }

  /** First index in [lo, hi) whose value is at least {@code key} (hi when none). */
  private static int lowerBound(long[] a, int lo, int hi, long key) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
