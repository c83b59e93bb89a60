package in.nfopslab.data.check;

import in.nfopslab.core.calendar.Session;
import in.nfopslab.core.calendar.SessionSchedule;
import in.nfopslab.core.calendar.TradingCalendar;
import in.nfopslab.core.time.Ist;
import in.nfopslab.data.read.DataWarning;
import in.nfopslab.data.read.TickBatch;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * The row invariants of one file's ticks, in file order: timestamps inside the session of their
 * day, on trading days, on the path's day (spot) or not after the expiry (options, futures);
 * ordered; no duplicates; {@code low <= min(open, close)}, {@code max(open, close) <= high}; prices
 * above zero; {@code vol_delta >= 0}; and for options a day whose close never moves while ticks
 * trade (the vendor's previous close, not the last price). Rows the reader already dropped (null or
 * pre-2000 timestamps, null or non-positive close) come from its warnings.
 */
final class TickChecks {
  private static final int EXAMPLES = 3;

  private TickChecks() {}

  static List<Finding> check(
      PackedFile f, TickBatch batch, SessionSchedule sessions, TradingCalendar calendar) {
    Path file = f.path();
    List<Finding> out = new ArrayList<>();
    readerWarnings(f, batch, out);

    final int n = batch.rows();
    final long[] ts = new long[n];
    final double[] close = new double[n];
    final long[] vol = new long[n];
    BigIntVector tsv = batch.ts();
    Float8Vector cv = batch.price();
    BigIntVector vv = batch.volume();
    for (int i = 0; i < n; i++) {
      ts[i] = tsv.get(i);
      close[i] = cv.get(i);
      vol[i] = vv.get(i);
    }
    boolean ohlc = batch.open() != null;
    double[] open = ohlc ? new double[n] : null;
    double[] high = ohlc ? new double[n] : null;
    double[] low = ohlc ? new double[n] : null;
    if (ohlc) {
      for (int i = 0; i < n; i++) {
        open[i] = batch.open().get(i);
        high[i] = batch.high().get(i);
        low[i] = batch.low().get(i);
      }
    }

    Counter outside = new Counter();
    Counter holiday = new Counter();
    Counter wrongDay = new Counter();
    Counter afterExpiry = new Counter();
    Counter disorder = new Counter();
    Counter badOhlc = new Counter();
    Counter badPrice = new Counter();
    long lastDay = Long.MIN_VALUE;
    Session session = null;
    boolean trading = true;
    for (int i = 0; i < n; i++) {
      long wall = Ist.wallSecondOfEpochNanos(ts[i]);
      long day = Math.floorDiv(wall, 86_400L);
      int secondOfDay = (int) Math.floorMod(wall, 86_400L);
      if (day != lastDay) {
        LocalDate d = LocalDate.ofEpochDay(day);
        session = sessions.sessionFor(d);
        trading = calendar.isTradingDay(d);
        lastDay = day;
      }
      if (!trading) {
        holiday.add(ts[i]);
      } else if (session.indexOfSecondOfDay(secondOfDay) < 0) {
        outside.add(ts[i]);
      }
      if (f.kind() == PackedFile.Kind.SPOT && day != f.date().toEpochDay()) {
        wrongDay.add(ts[i]);
      }
      if (f.kind() != PackedFile.Kind.SPOT && day > f.expiry().toEpochDay()) {
        afterExpiry.add(ts[i]);
      }
      if (i > 0 && ts[i] < ts[i - 1]) {
        disorder.add(ts[i]);
      }
      if (ohlc) {
        double o = open[i];
        double h = high[i];
        double l = low[i];
        double c = close[i];
        if (!(o > 0) || !(h > 0) || !(l > 0)) {
          badPrice.add(ts[i]);
        } else if (l > Math.min(o, c) || Math.max(o, c) > h) {
          badOhlc.add(ts[i]);
        }
      }
    }
    outside.report(
        out,
        file,
        Finding.Severity.WARNING,
        "outside_session",
        "rows outside the session of their day (ignored by strategies)");
    holiday.report(
        out,
        file,
        Finding.Severity.WARNING,
        "non_trading_day",
        "rows on a weekend or holiday of meta/holidays.csv");
    wrongDay.report(
        out,
        file,
        Finding.Severity.ERROR,
        "date_mismatch",
        "rows not on the path's date " + f.date());
    afterExpiry.report(
        out,
        file,
        Finding.Severity.ERROR,
        "after_expiry",
        "rows after the path's expiry " + f.expiry());
    disorder.report(
        out, file, Finding.Severity.ERROR, "out_of_order", "rows earlier than the row before them");
    badPrice.report(
        out,
        file,
        Finding.Severity.ERROR,
        "non_positive_ohlc",
        "rows with a null, zero or negative open, high or low");
    badOhlc.report(
        out,
        file,
        Finding.Severity.ERROR,
        "ohlc",
        "rows with low > min(open, close) or max(open, close) > high");

    duplicates(file, ts, close, vol, open, high, low, disorder.count > 0, out);
    if (f.kind() == PackedFile.Kind.OPTION) {
      staleClose(file, ts, close, vol, out);
    }
    return out;
  }

  private static void readerWarnings(PackedFile f, TickBatch batch, List<Finding> out) {
    Path file = f.path();
    for (DataWarning w : batch.warnings()) {
      if (w.kind() == DataWarning.Kind.NO_VOLUME && f.kind() == PackedFile.Kind.SPOT) {
        continue; // spot files need only timestamp and close
      }
      switch (w.kind()) {
        case NULL_TIMESTAMPS ->
            out.add(Finding.error(file, "null_timestamps", w.rows(), w.message()));
        case EPOCH_TIMESTAMPS ->
            out.add(Finding.error(file, "epoch_timestamps", w.rows(), w.message()));
        case NON_POSITIVE_PRICE ->
            out.add(Finding.error(file, "non_positive_price", w.rows(), w.message()));
        case VOLUME_RESET ->
            out.add(
                Finding.error(
                    file, "negative_volume", w.rows(), w.rows() + " rows with vol_delta < 0"));
        case NO_VOLUME -> out.add(Finding.warning(file, "no_volume", 1, "no vol_delta column"));
        default ->
            out.add(
                Finding.warning(
                    file,
                    w.kind().name().toLowerCase(java.util.Locale.ROOT),
                    w.rows(),
                    w.message()));
      }
    }
  }

  /**
   * Exact duplicate rows (an error: volume counted twice) and one timestamp with different values
   * (a warning).
   */
  private static void duplicates(
      Path file,
      long[] ts,
      double[] close,
      long[] vol,
      double[] open,
      double[] high,
      double[] low,
      boolean unordered,
      List<Finding> out) {
    int n = ts.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (unordered) {
      // only files that are out of order pay for a boxed sort; a stable sort keeps file order among
      // equal stamps
      Integer[] boxed = new Integer[n];
      for (int i = 0; i < n; i++) {
        boxed[i] = i;
      }
      Arrays.sort(boxed, (a, b) -> Long.compare(ts[a], ts[b]));
      for (int i = 0; i < n; i++) {
        order[i] = boxed[i];
      }
    }
    Counter dupRows = new Counter();
    Counter dupStamps = new Counter();
    int groupStart = 0;
    for (int k = 1; k <= n; k++) {
      if (k < n && ts[order[k]] == ts[order[groupStart]]) {
        continue;
      }
      for (int a = groupStart + 1; a < k; a++) {
        int i = order[a];
        boolean same = false;
        for (int b = groupStart; b < a && !same; b++) {
          int j = order[b];
          same =
              close[i] == close[j]
                  && vol[i] == vol[j]
                  && (open == null
                      || (open[i] == open[j] && high[i] == high[j] && low[i] == low[j]));
        }
        if (same) {
          dupRows.add(ts[i]);
        } else {
          dupStamps.add(ts[i]);
        }
      }
      groupStart = k;
    }
    dupRows.report(
        out, file, Finding.Severity.ERROR, "duplicate_rows", "exact copies of an earlier row");
    dupStamps.report(
        out,
        file,
        Finding.Severity.WARNING,
        "duplicate_timestamps",
        "rows sharing a timestamp with an earlier row but not its values");
  }

  /**
   * Days on which the close never changes while two or more ticks trade: the vendor's previous
   * close, not the last price.
   */
  private static void staleClose(
      Path file, long[] ts, double[] close, long[] vol, List<Finding> out) {
    int n = ts.length;
    List<String> days = new ArrayList<>();
    int i = 0;
    while (i < n) {
      long day = Math.floorDiv(Ist.wallSecondOfEpochNanos(ts[i]), 86_400L);
      double first = close[i];
      boolean moved = false;
      int traded = 0;
      int j = i;
      while (j < n && Math.floorDiv(Ist.wallSecondOfEpochNanos(ts[j]), 86_400L) == day) {
        moved |= close[j] != first;
        traded += vol[j] > 0 ? 1 : 0;
        j++;
      }
      if (!moved && traded >= 2) {
        days.add(
            LocalDate.ofEpochDay(day) + " (close " + first + ", " + traded + " ticks with volume)");
      }
      i = j;
    }
    if (!days.isEmpty()) {
      out.add(
          Finding.warning(
              file,
              "stale_close",
              days.size(),
              days.size()
                  + " days with a constant close while volume"
                  + " trades (the vendor's previous close?): "
                  + String.join(", ", days.subList(0, Math.min(EXAMPLES, days.size())))
                  + (days.size() > EXAMPLES ? ", ..." : "")));
    }
  }

  /** Counts rows and keeps the first few timestamps as examples. */
  private static final class Counter {
    long count;
    final long[] examples = new long[EXAMPLES];

    void add(long ts) {
      if (count < EXAMPLES) {
        examples[(int) count] = ts;
      }
      count++;
    }

    void report(
        List<Finding> out, Path file, Finding.Severity severity, String check, String what) {
      if (count == 0) {
        return;
      }
      StringBuilder b =
          new StringBuilder().append(count).append(' ').append(what).append(" (e.g. ");
      for (int i = 0; i < Math.min(count, EXAMPLES); i++) {
        LocalDateTime t = Ist.wallClock(examples[i]);
        b.append(i == 0 ? "" : ", ").append(t);
      }
      out.add(
          new Finding(
              file,
              severity,
              check,
              count,
              b.append(count > EXAMPLES ? ", ..." : "").append(')').toString()));
    }
  }
}
