package in.nfopslab.data.generate;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.core.time.Ist;
import in.nfopslab.data.meta.MetaCsv;
import in.nfopslab.data.meta.MetaFormatException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Reads and writes meta/packed_manifest.csv: {@code path, symbol, opt_type, strike, expiry, rows,
 * tmin, tmax}.
 *
 * <ul>
 *   <li>{@code path} is relative to the data root with '/' separators;
 *   <li>{@code opt_type} and {@code strike} are empty for spot and futures files, {@code expiry}
 *       (YYYY-MM-DD) is empty for spot files;
 *   <li>{@code tmin}/{@code tmax} are the first and last timestamps as ISO-8601 IST date-times with
 *       offset, e.g. {@code 2024-01-01T09:15:00.123456+05:30} (fraction digits as needed).
 * </ul>
 *
 * Rows are sorted by path, so the same lab always gives the same file.
 */
public final class ManifestCsv {
  public static final List<String> COLUMNS =
      List.of("path", "symbol", "opt_type", "strike", "expiry", "rows", "tmin", "tmax");

  private ManifestCsv() {}

  public static void write(Path file, List<ManifestEntry> entries) throws IOException {
    requireNonNull(file, "file is null");
    List<ManifestEntry> sorted = new ArrayList<>(requireNonNull(entries, "entries is null"));
    sorted.sort(Comparator.comparing(ManifestEntry::path));
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(COLUMNS.toArray(new String[0]))
            .setRecordSeparator('\n')
            .get();
    AtomicFiles.write(
        file,
        tmp -> {
          try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
              CSVPrinter printer = new CSVPrinter(w, format)) {
            for (ManifestEntry e : sorted) {
              printer.printRecord(
                  e.path(),
                  e.symbol().name(),
                  e.optType() == null ? "" : e.optType().name(),
                  e.strike() == null ? "" : e.strike().toString(),
                  e.expiry() == null ? "" : e.expiry().toString(),
                  Long.toString(e.rows()),
                  format(e.tminNanos()),
                  format(e.tmaxNanos()));
            }
          }
        });
  }

  public static List<ManifestEntry> read(Path file) {
    requireNonNull(file, "file is null");
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<ManifestEntry> out = new ArrayList<>();
      for (MetaCsv.Row row : MetaCsv.parse(file.toString(), r, COLUMNS.toArray(new String[0]))) {
        String type = row.getOrEmpty("opt_type");
        String strike = row.getOrEmpty("strike");
        String expiry = row.getOrEmpty("expiry");
        try {
          out.add(
              new ManifestEntry(
                  row.get("path"),
                  Symbol.parse(row.get("symbol")),
                  type.isEmpty() ? null : OptionType.parse(type),
                  strike.isEmpty() ? null : Integer.valueOf(strike),
                  expiry.isEmpty() ? null : LocalDate.parse(expiry),
                  Long.parseLong(row.get("rows")),
                  parse(row.get("tmin")),
                  parse(row.get("tmax"))));
        } catch (RuntimeException e) {
          throw new MetaFormatException(row.source(), row.line(), e.getMessage(), e);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static String format(long epochNanos) {
    Instant i =
        Instant.ofEpochSecond(
            Math.floorDiv(epochNanos, Ist.NANOS_PER_SECOND),
            Math.floorMod(epochNanos, Ist.NANOS_PER_SECOND));
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atOffset(Ist.OFFSET));
  }

  static long parse(String text) {
    long fast = parseIst(text);
    if (fast != Long.MIN_VALUE) {
      return fast;
    }
    Instant i = OffsetDateTime.parse(text).toInstant();
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), Ist.NANOS_PER_SECOND), i.getNano());
  }

  private static final String IST_SUFFIX = "+05:30";
  private static final int[] FRACTION_SCALE = {
    0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  /**
   * The form {@link #write} uses, {@code yyyy-MM-ddTHH:mm:ss[.f...]+05:30}, without a {@code
   * DateTimeFormatter}: a lab's manifest has two per file, and the formatter's general parsing was
   * most of the cost of loading a catalog. Long.MIN_VALUE for any other form (then {@link
   * OffsetDateTime#parse} decides, and names what is wrong).
   */
  private static long parseIst(String t) {
    final int n = t.length();
    final int end = n - IST_SUFFIX.length();
    if (end < 19
        || !t.endsWith(IST_SUFFIX)
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
      return Long.MIN_VALUE;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    int nanos = 0;
    if (end > 19) {
      int fraction = digits(t, 20, end);
      if (t.charAt(19) != '.' || end - 20 > 9 || fraction < 0) {
        return Long.MIN_VALUE;
      }
      nanos = fraction * FRACTION_SCALE[end - 20];
    }
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > LocalDate.of(year, month, 1).lengthOfMonth()
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return Long.MIN_VALUE;
    }
    long seconds =
        LocalDate.of(year, month, day).toEpochDay() * 86_400L
            + hour * 3_600L
            + minute * 60L
            + second
            - Ist.OFFSET.getTotalSeconds();
    return seconds * Ist.NANOS_PER_SECOND + nanos;
  }

  /**
   * The number written by the ASCII digits {@code t[from, to)}, or -1 when one is not a digit (or
   * none).
   */
  private static int digits(String t, int from, int to) {
    if (from >= to) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
