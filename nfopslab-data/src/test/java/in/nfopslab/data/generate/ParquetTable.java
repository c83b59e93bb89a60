package in.nfopslab.data.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * A small Parquet file read whole with parquet-java's example Group API: slow, simple, independent
 * of our writer.
 */
final class ParquetTable {
  final MessageType schema;
  final java.util.Map<String, String> metadata;
  final List<Group> rows;

  private ParquetTable(
      MessageType schema, java.util.Map<String, String> metadata, List<Group> rows) {
    this.schema = schema;
    this.metadata = metadata;
    this.rows = rows;
  }

  static ParquetTable read(Path file) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      MessageType schema = r.getFooter().getFileMetaData().getSchema();
      List<Group> rows = new ArrayList<>();
      PageReadStore pages;
      while ((pages = r.readNextRowGroup()) != null) {
        MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
        RecordReader<Group> reader = io.getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          rows.add(reader.read());
        }
      }
      return new ParquetTable(schema, r.getFooter().getFileMetaData().getKeyValueMetaData(), rows);
    }
  }

  static MessageType schema(Path file) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      return r.getFooter().getFileMetaData().getSchema();
    }
  }

  int size() {
    return rows.size();
  }

  long[] longs(String column) {
    long[] out = new long[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows.get(i).getLong(column, 0);
    }
    return out;
  }

  int[] ints(String column) {
    int[] out = new int[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows.get(i).getInteger(column, 0);
    }
    return out;
  }

  double[] doubles(String column) {
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows.get(i).getDouble(column, 0);
    }
    return out;
  }

  String[] strings(String column) {
    String[] out = new String[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows.get(i).getString(column, 0);
    }
    return out;
  }
}
