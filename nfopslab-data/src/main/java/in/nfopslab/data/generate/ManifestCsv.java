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
 * Reads and writes meta/packed_manifest.csv: {@code path, symbol, opt_type, strike, expiry, rows, tmin, tmax}.
 *
 * <ul>
 *   <li>{@code path} is relative to the data root with '/' separators;
 *   <li>{@code opt_type} and {@code strike} are empty for spot and futures files, {@code expiry} (YYYY-MM-DD) is
 *       empty for spot files;
 *   <li>{@code tmin}/{@code tmax} are the first and last timestamps as ISO-8601 IST date-times with offset, e.g.
 *       {@code 2024-01-01T09:15:00.123456+05:30} (fraction digits as needed).
 * </ul>
 *
 * Rows are sorted by path, so the same lab always gives the same file.
 */
public final class ManifestCsv {
  public static final List<String> COLUMNS = List.of("path", "symbol", "opt_type", "strike", "expiry", "rows", "tmin", "tmax");

  private ManifestCsv() {}

  public static void write(Path file, List<ManifestEntry> entries) throws IOException {
    requireNonNull(file, "file is null");
    List<ManifestEntry> sorted = new ArrayList<>(requireNonNull(entries, "entries is null"));
    sorted.sort(Comparator.comparing(ManifestEntry::path));
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(new String[0])).setRecordSeparator('\n').get();
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
    Instant i = Instant.ofEpochSecond(Math.floorDiv(epochNanos, Ist.NANOS_PER_SECOND), Math.floorMod(epochNanos, Ist.NANOS_PER_SECOND));
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atOffset(Ist.OFFSET));
  }

  static long parse(String text) {
    Instant i = OffsetDateTime.parse(text).toInstant();
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), Ist.NANOS_PER_SECOND), i.getNano());
  }
}
