package in.nfopslab.data.check;

import in.nfopslab.data.read.NoopGroupConverter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Path against content: columns such as symbol, opt_type, strike, expiry or trade_date, whose every
 * value must be what the file's path says. Row-group statistics settle most files without reading a
 * row (min = max = the expected value, no nulls); otherwise the column is read with parquet-java's
 * column readers.
 */
final class IdentityColumns {
  /**
   * One column whose every value must equal {@code value} (a String, Integer or LocalDate); {@code
   * check} names the finding.
   */
  record Expect(String column, Object value, String check) {}

  private IdentityColumns() {}

  static List<Finding> check(Path file, InputFile in, ParquetMetadata footer, List<Expect> expects)
      throws IOException {
    List<Finding> out = new ArrayList<>();
    MessageType schema = footer.getFileMetaData().getSchema();
    List<Expect> toRead = new ArrayList<>();
    List<PrimitiveType> readTypes = new ArrayList<>();
    long[] mismatches = new long[expects.size()];
    String[] firstBad = new String[expects.size()];
    for (int i = 0; i < expects.size(); i++) {
      Expect e = expects.get(i);
      if (!schema.containsField(e.column())) {
        out.add(
            Finding.warning(
                file,
                "missing_column",
                1,
                "no '"
                    + e.column()
                    + "' column: cannot check it against the path ("
                    + e.value()
                    + ")"));
        continue;
      }
      Type t = schema.getType(e.column());
      if (!t.isPrimitive()
          || t.isRepetition(Type.Repetition.REPEATED)
          || !supported(t.asPrimitiveType(), e.value())) {
        out.add(
            Finding.warning(
                file,
                "unchecked_column",
                1,
                "column '"
                    + e.column()
                    + "' has type "
                    + t
                    + ": not compared with the path ("
                    + e.value()
                    + ")"));
        continue;
      }
      PrimitiveType p = t.asPrimitiveType();
      String expected = e.value().toString();
      boolean conclusive = true;
      for (BlockMetaData b : footer.getBlocks()) {
        ColumnChunkMetaData c = chunk(b, e.column());
        Statistics<?> st = c == null ? null : c.getStatistics();
        if (st == null || st.isEmpty() || !st.isNumNullsSet()) {
          conclusive = false;
          break;
        }
        if (st.getNumNulls() == b.getRowCount()) {
          mismatches[i] += b.getRowCount();
          firstBad[i] = firstBad[i] == null ? "null" : firstBad[i];
          continue;
        }
        Object min = st.genericGetMin();
        if (!st.hasNonNullValue() || !min.equals(st.genericGetMax())) {
          conclusive = false;
          break;
        }
        String v = format(p, min, e.value());
        if (v.equals(expected)) {
          mismatches[i] += st.getNumNulls();
          if (st.getNumNulls() > 0 && firstBad[i] == null) {
            firstBad[i] = "null";
          }
        } else {
          mismatches[i] += b.getRowCount();
          firstBad[i] = firstBad[i] == null ? v : firstBad[i];
        }
      }
      if (!conclusive) {
        mismatches[i] = 0;
        firstBad[i] = null;
        toRead.add(e);
        readTypes.add(p);
      }
    }
    if (!toRead.isEmpty()) {
      read(in, footer, toRead, readTypes, expects, mismatches, firstBad);
    }
    for (int i = 0; i < expects.size(); i++) {
      if (mismatches[i] > 0) {
        Expect e = expects.get(i);
        out.add(
            Finding.error(
                file,
                e.check(),
                mismatches[i],
                mismatches[i]
                    + " rows have "
                    + e.column()
                    + " "
                    + (firstBad[i].equals("null") ? "null" : "'" + firstBad[i] + "'")
                    + ", the path says "
                    + e.value()));
      }
    }
    return out;
  }

  private static void read(
      InputFile in,
      ParquetMetadata footer,
      List<Expect> toRead,
      List<PrimitiveType> types,
      List<Expect> expects,
      long[] mismatches,
      String[] firstBad)
      throws IOException {
    MessageType requested = new MessageType("identity", new ArrayList<Type>(types));
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try (ParquetFileReader reader = ParquetFileReader.open(in, options)) {
      reader.setRequestedSchema(requested);
      String createdBy = footer.getFileMetaData().getCreatedBy();
      PageReadStore rg;
      while ((rg = reader.readNextRowGroup()) != null) {
        ColumnReadStoreImpl store =
            new ColumnReadStoreImpl(rg, NoopGroupConverter.INSTANCE, requested, createdBy);
        for (int j = 0; j < toRead.size(); j++) {
          Expect e = toRead.get(j);
          int i = expects.indexOf(e);
          PrimitiveType p = types.get(j);
          ColumnDescriptor d = requested.getColumnDescription(new String[] {e.column()});
          ColumnReader r = store.getColumnReader(d);
          int maxDef = d.getMaxDefinitionLevel();
          String expected = e.value().toString();
          for (long row = 0; row < rg.getRowCount(); row++) {
            String v =
                r.getCurrentDefinitionLevel() < maxDef ? "null" : format(p, value(r, p), e.value());
            r.consume();
            if (!v.equals(expected)) {
              mismatches[i]++;
              if (firstBad[i] == null) {
                firstBad[i] = v;
              }
            }
          }
        }
      }
    }
  }

  private static Object value(ColumnReader r, PrimitiveType p) {
    return switch (p.getPrimitiveTypeName()) {
      case BINARY, FIXED_LEN_BYTE_ARRAY -> r.getBinary();
      case INT32 -> r.getInteger();
      case INT64 -> r.getLong();
      case DOUBLE -> r.getDouble();
      case FLOAT -> r.getFloat();
      default -> throw new IllegalStateException("unsupported type " + p);
    };
  }

  private static boolean supported(PrimitiveType p, Object expected) {
    LogicalTypeAnnotation l = p.getLogicalTypeAnnotation();
    return switch (p.getPrimitiveTypeName()) {
      case BINARY -> true;
      case INT32 ->
          expected instanceof LocalDate
              ? l instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
              : l == null || l instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation;
      case INT64 ->
          !(expected instanceof LocalDate)
              && (l == null || l instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation);
      case DOUBLE, FLOAT -> expected instanceof Integer;
      default -> false;
    };
  }

  /** A value as text comparable with the expected value's text. */
  static String format(PrimitiveType p, Object v, Object expected) {
    if (v instanceof Binary b) {
      String s = b.toStringUsingUTF8().trim();
      // "2024-01-04 00:00:00" or "2024-01-04T00:00" in a string expiry column still names the date
      return expected instanceof LocalDate
              && s.length() > 10
              && (s.charAt(10) == ' ' || s.charAt(10) == 'T')
          ? s.substring(0, 10)
          : s;
    }
    if (v instanceof Integer i
        && p.getLogicalTypeAnnotation()
            instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return LocalDate.ofEpochDay(i).toString();
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
    return v.toString();
  }

  private static ColumnChunkMetaData chunk(BlockMetaData b, String name) {
    for (ColumnChunkMetaData c : b.getColumns()) {
      if (c.getPath().size() == 1 && c.getPath().toArray()[0].equals(name)) {
        return c;
      }
    }
    return null;
  }
}
