package in.nfopslab.data.meta;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one meta CSV table with Commons CSV. A table is taken from the lab's meta folder when the
 * file is there, otherwise from the copy bundled in this jar (built from the project's meta/
 * folder), so a lab only needs the tables it wants to override. Every error names the file and the
 * line.
 */
public final class MetaCsv {
  /**
   * One parsed row: the record plus where it came from, with typed getters that fail with file and
   * line.
   */
  public static final class Row {
    private final String source;
    private final CSVRecord record;
    private final long line;

    Row(String source, CSVRecord record, long line) {
      this.source = source;
      this.record = record;
      this.line = line;
    }

    /** The file line of this row (the header is line 1). */
    public long line() {
      return line;
    }

    public String source() {
      return source;
    }

    public String get(String column) {
      if (!record.isMapped(column)) {
        throw new MetaFormatException(source, line(), "missing column '" + column + "'");
      }
      if (!record.isSet(column)) {
        throw new MetaFormatException(
            source, line(), "row has too few fields for column '" + column + "'");
      }
      return record.get(column).trim();
    }

    public String getOrEmpty(String column) {
      return record.isMapped(column) && record.isSet(column) ? record.get(column).trim() : "";
    }

    public <T> T parse(String column, String what, Function<String, T> parser) {
      String text = get(column);
      try {
        return parser.apply(text);
      } catch (DateTimeParseException | IllegalArgumentException e) {
        throw new MetaFormatException(
            source,
            line(),
            "bad " + what + " '" + text + "' in column " + column + ": " + e.getMessage(),
            e);
      }
    }

    public LocalDate date(String column) {
      return parse(column, "date (YYYY-MM-DD)", LocalDate::parse);
    }

    public LocalTime time(String column) {
      return parse(column, "time (HH:MM:SS)", LocalTime::parse);
    }

    public int integer(String column) {
      return parse(column, "integer", Integer::parseInt);
    }

    public double decimal(String column) {
      return parse(column, "number", Double::parseDouble);
    }

    public Map<String, String> toMap() {
      return record.toMap();
    }
  }

  private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");

  /** The resource folder inside the jar that holds the bundled tables. */
  static final String BUNDLED = "/nfopslab/meta/";

  private MetaCsv() {}

  /** Reads {@code name} from {@code metaDir} if present there, else the bundled copy. */
  public static List<Row> read(Path metaDir, String name, String... requiredColumns) {
    Path file = metaDir == null ? null : metaDir.resolve(name);
    if (file != null && Files.isRegularFile(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        return parse(file.toString(), r, requiredColumns);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return readBundled(name, requiredColumns);
  }

  /** True when the lab overrides the bundled table. */
  public static boolean isInLab(Path metaDir, String name) {
    return metaDir != null && Files.isRegularFile(metaDir.resolve(name));
  }

  public static List<Row> readBundled(String name, String... requiredColumns) {
    InputStream in = MetaCsv.class.getResourceAsStream(BUNDLED + name);
    if (in == null) {
      throw new MetaFormatException("bundled meta/" + name, 0, "table is missing from the jar");
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse("bundled meta/" + name, r, requiredColumns);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled meta/" + name + ": " + e.getMessage(), e);
    }
  }

  /** Parses a table whose first line is a header; lines starting with '#' are comments. */
  public static List<Row> parse(String source, Reader reader, String... requiredColumns) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      List<String> header = parser.getHeaderNames();
      for (String c : requiredColumns) {
        if (!header.contains(c)) {
          throw new MetaFormatException(
              source, 1, "missing column '" + c + "' (header has " + header + ")");
        }
      }
      List<Row> rows = new ArrayList<>();
      for (CSVRecord rec : parser) {
        rows.add(new Row(source, rec, parser.getCurrentLineNumber()));
      }
      return rows;
    } catch (IOException | java.io.UncheckedIOException e) {
      // Commons CSV names the line where a bad record (e.g. an unclosed quote) starts: keep the
      // file:line form
      Throwable io = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
      String msg = String.valueOf(io.getMessage());
      Matcher m = START_LINE.matcher(msg);
      if (m.find()) {
        throw new MetaFormatException(
            source,
            Long.parseLong(m.group(1)),
            "malformed CSV row: " + msg.substring(m.end()).trim(),
            e);
      }
      throw new MetaFormatException(source, 0, "not a readable CSV table: " + msg, e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new MetaFormatException(source, 0, "malformed CSV: " + e.getMessage(), e);
    }
  }
}
