package in.nfopslab.data.trades;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.io.AtomicFiles;
import in.nfopslab.data.parquet.ParquetColumns;
import in.nfopslab.data.parquet.ParquetColumns.Column;
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
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.RecordConsumer;
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
  private final List<Type> fixed;
  private final Set<String> reserved;
  private final Function<R, Map<String, Double>> numbers;
  private final BiConsumer<RecordConsumer, R> writeFixed;

  /**
   * @param message the Parquet message name
   * @param kind the {@link ParquetColumns#KIND_KEY} footer value
   * @param fixed the fixed columns, in order; {@code writeFixed} writes them at indexes 0..size-1
   * @param numbers a row's named numbers (the tail)
   */
  NumericTail(
      String message,
      String kind,
      List<Type> fixed,
      Function<R, Map<String, Double>> numbers,
      BiConsumer<RecordConsumer, R> writeFixed) {
    this.message = requireNonNull(message, "message is null");
    this.kind = requireNonNull(kind, "kind is null");
    this.fixed = List.copyOf(fixed);
    Set<String> names = new java.util.HashSet<>();
    for (Type t : this.fixed) {
      names.add(t.getName());
    }
    this.reserved = Set.copyOf(names);
    this.numbers = requireNonNull(numbers, "numbers is null");
    this.writeFixed = requireNonNull(writeFixed, "writeFixed is null");
  }

  /** The schema of a file whose rows carry these numeric names. */
  MessageType schema(Collection<String> names) {
    List<Type> f = new ArrayList<>(fixed);
    for (String k : names) {
      ParquetColumns.checkExtraName(k, reserved);
      f.add(ParquetColumns.optionalDouble(k));
    }
    return new MessageType(message, f);
  }

  /**
   * Writes {@code rows} to {@code target} atomically (a temporary file renamed into place), in the
   * order given.
   */
  void write(Path target, List<R> rows) throws IOException {
    requireNonNull(target, "target is null");
    requireNonNull(rows, "rows is null");
    SortedSet<String> keys = new TreeSet<>();
    for (R r : rows) {
      keys.addAll(numbers.apply(requireNonNull(r, "row is null")).keySet());
    }
    List<String> names = List.copyOf(keys);
    MessageType schema = schema(names);
    int first = fixed.size();
    AtomicFiles.write(
        target,
        tmp ->
            ParquetColumns.write(
                tmp,
                schema,
                Map.of(ParquetColumns.KIND_KEY, kind),
                rows.size(),
                (out, i) -> {
                  R r = rows.get(i);
                  writeFixed.accept(out, r);
                  Map<String, Double> values = numbers.apply(r);
                  for (int k = 0; k < names.size(); k++) {
                    Double v = values.get(names.get(k));
                    if (v != null) {
                      ParquetColumns.putDouble(out, names.get(k), first + k, v);
                    }
                  }
                },
                ParquetColumns.stringColumns(schema)));
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
  static TreeMap<String, Double> values(List<Column> tail, Group g) {
    TreeMap<String, Double> out = new TreeMap<>();
    for (Column c : tail) {
      if (!c.isNull(g)) {
        out.put(c.name(), c.number(g));
      }
    }
    return out;
  }
}
