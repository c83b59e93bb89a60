package in.nfopslab.data.trades;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.data.parquet.ParquetColumns;
import in.nfopslab.data.parquet.ParquetColumns.Column;
import in.nfopslab.data.parquet.ParquetColumns.Row;
import in.nfopslab.data.parquet.RowColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The layout the trade and stance files share: fixed columns, then one nullable DOUBLE per name of
 * the rows' numeric maps (the union over all rows, sorted; null where a row lacks the name). One
 * instance per file kind.
 *
 * @param <R> the row type
 */
final class NumericTail<R> {
  private final String message;
  private final String kind;
  private final List<RowColumn<R>> fixed;
  private final Set<String> reserved;
  private final Function<R, Map<String, Double>> numbers;

  /**
   * @param message the Parquet message name
   * @param kind the {@link ParquetColumns#KIND_KEY} footer value
   * @param fixed the fixed columns, in order
   * @param numbers a row's named numbers (the tail)
   */
  NumericTail(
      String message,
      String kind,
      List<RowColumn<R>> fixed,
      Function<R, Map<String, Double>> numbers) {
    this.message = requireNonNull(message, "message is null");
    this.kind = requireNonNull(kind, "kind is null");
    this.fixed = List.copyOf(fixed);
    Set<String> names = new java.util.HashSet<>();
    for (RowColumn<R> c : this.fixed) {
      names.add(c.type().getName());
    }
    this.reserved = Set.copyOf(names);
    this.numbers = requireNonNull(numbers, "numbers is null");
  }

  /** The schema of a file whose rows carry these numeric names. */
  MessageType schema(Collection<String> names) {
    return RowColumn.schema(message, columns(names));
  }

  /** The fixed columns, then one nullable DOUBLE per name, null where a row lacks the name. */
  private List<RowColumn<R>> columns(Collection<String> names) {
    List<RowColumn<R>> out = new ArrayList<>(fixed);
    for (String k : names) {
      ParquetColumns.checkExtraName(k, reserved);
      out.add(RowColumn.optionalFloat64(k, r -> numbers.apply(r).get(k)));
    }
    return out;
  }

  /**
   * Writes {@code rows} to {@code target} atomically (a temporary file renamed into place), in the
   * order given, one column at a time; the footer carries the kind and {@code footer}'s key/values.
   */
  void write(Path target, List<R> rows, Map<String, String> footer) throws IOException {
    requireNonNull(target, "target is null");
    requireNonNull(rows, "rows is null");
    if (footer.containsKey(ParquetColumns.KIND_KEY)) {
      throw new IllegalArgumentException("footer key " + ParquetColumns.KIND_KEY + " is reserved");
    }
    Map<String, String> keyValues = new TreeMap<>(footer);
    keyValues.put(ParquetColumns.KIND_KEY, kind);
    SortedSet<String> keys = new TreeSet<>();
    for (R r : rows) {
      keys.addAll(numbers.apply(requireNonNull(r, "row is null")).keySet());
    }
    List<RowColumn<R>> columns = columns(keys);
    AtomicFiles.write(target, tmp -> RowColumn.write(tmp, message, columns, keyValues, rows));
  }

  /**
   * The numeric columns of a file that are not fixed ones, of any numeric type; other extra columns
   * are ignored.
   */
  List<Column> tail(MessageType schema, String where) {
    List<Column> out = new ArrayList<>();
    for (Type t : schema.getFields()) {
      if (!reserved.contains(t.getName()) && t.isPrimitive()) {
        Column c = Column.of(schema, t.getName(), where, true);
        if (c.isNumeric()) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /** The non-null values of the {@link #tail} columns in one row, by name. */
  static TreeMap<String, Double> values(List<Column> tail, Row g) {
    TreeMap<String, Double> out = new TreeMap<>();
    for (Column c : tail) {
      if (!c.isNull(g)) {
        out.put(c.name(), c.number(g));
      }
    }
    return out;
  }
}
