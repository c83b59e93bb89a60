package in.nfopslab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Faults real tick files have, injected into a packed file in place: the file is replaced (a new
 * inode), never written through, so hard-linked copies of the lab keep the original.
 */
enum Faults {
  /** Random bytes of the original length: no Parquet magic, no footer. */
  CORRUPT {
    @Override
    void inject(Path f) throws IOException {
      byte[] junk = new byte[(int) Files.size(f)];
      new Random(42).nextBytes(junk);
      replace(f, junk);
    }
  },
  /** The first 60% of the file, as a copy cut short by a full disk or a killed transfer. */
  TRUNCATED {
    @Override
    void inject(Path f) throws IOException {
      byte[] all = Files.readAllBytes(f);
      replace(f, Arrays.copyOf(all, all.length * 6 / 10));
    }
  },
  /** A valid Parquet file with the original schema and zero rows. */
  EMPTY {
    @Override
    void inject(Path f) throws IOException {
      MessageType schema = schema(f);
      Files.delete(f);
      try (ParquetWriter<Group> w = writer(f, schema)) {
        // no rows
      }
    }
  },
  /**
   * A valid Parquet file whose columns are not the design's: no timestamp or close, a 'time' and a
   * 'ltp' instead.
   */
  WRONG_SCHEMA {
    @Override
    void inject(Path f) throws IOException {
      MessageType schema =
          MessageTypeParser.parseMessageType(
              "message vendor { required binary time (STRING); required double ltp; }");
      Files.delete(f);
      try (ParquetWriter<Group> w = writer(f, schema)) {
        SimpleGroupFactory g = new SimpleGroupFactory(schema);
        for (int i = 0; i < 100; i++) {
          w.write(g.newGroup().append("time", "09:15:" + (10 + i % 50)).append("ltp", 100.0 + i));
        }
      }
    }
  },
  /**
   * The original rows with every timestamp moved to 1970-01-01 (same time of day): an epoch-zero
   * export bug.
   */
  EPOCH_1970 {
    @Override
    void inject(Path f) throws IOException {
      MessageType schema = schema(f);
      List<Group> rows = new ArrayList<>();
      try (ParquetReader<Group> r =
          new GroupReader(new LocalInputFile(f))
              .withConf(new PlainParquetConfiguration())
              .build()) {
        Group g;
        while ((g = r.read()) != null) {
          rows.add(g);
        }
      }
      PrimitiveType ts = schema.getType("timestamp").asPrimitiveType();
      long perDay =
          86_400L
              * switch (((LogicalTypeAnnotation.TimestampLogicalTypeAnnotation)
                      ts.getLogicalTypeAnnotation())
                  .getUnit()) {
                case MILLIS -> 1_000L;
                case MICROS -> 1_000_000L;
                case NANOS -> 1_000_000_000L;
              };
      Files.delete(f);
      try (ParquetWriter<Group> w = writer(f, schema)) {
        SimpleGroupFactory factory = new SimpleGroupFactory(schema);
        for (Group g : rows) {
          Group out = factory.newGroup();
          for (Type t : schema.getFields()) {
            String n = t.getName();
            if (g.getFieldRepetitionCount(n) == 0) {
              continue;
            }
            switch (t.asPrimitiveType().getPrimitiveTypeName()) {
              case INT64 ->
                  out.append(
                      n,
                      n.equals("timestamp")
                          ? Math.floorMod(g.getLong(n, 0), perDay)
                          : g.getLong(n, 0));
              case INT32 -> out.append(n, g.getInteger(n, 0));
              case DOUBLE -> out.append(n, g.getDouble(n, 0));
              case FLOAT -> out.append(n, g.getFloat(n, 0));
              case BOOLEAN -> out.append(n, g.getBoolean(n, 0));
              default -> out.append(n, g.getBinary(n, 0));
            }
          }
          w.write(out);
        }
      }
    }
  };

  abstract void inject(Path file) throws IOException;

  static MessageType schema(Path f) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(f))) {
      return r.getFooter().getFileMetaData().getSchema();
    }
  }

  private static void replace(Path f, byte[] content) throws IOException {
    Files.delete(f);
    Files.write(f, content);
  }

  private static ParquetWriter<Group> writer(Path f, MessageType schema) throws IOException {
    return ExampleParquetWriter.builder(new LocalOutputFile(f))
        .withConf(new PlainParquetConfiguration())
        .withType(schema)
        .build();
  }

  /** A Group reader over an InputFile, with no Hadoop Path involved. */
  private static final class GroupReader extends ParquetReader.Builder<Group> {
    GroupReader(InputFile file) {
      super(file);
    }

    @Override
    protected ReadSupport<Group> getReadSupport() {
      return new GroupReadSupport();
    }
  }
}
