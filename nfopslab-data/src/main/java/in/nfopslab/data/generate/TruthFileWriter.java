package in.nfopslab.data.generate;

import static java.util.Objects.requireNonNull;

import in.nfopslab.core.instrument.OptionType;
import in.nfopslab.core.instrument.Symbol;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Writes meta/generator_truth.parquet ({@link GeneratedSchemas#TRUTH}): set the contract, then add
 * its rows.
 */
final class TruthFileWriter implements Closeable {
  private static final class Row {
    Binary symbol;
    int tradeDate;
    int expiry;
    Binary optType;
    int strike;
    long tsMicros;
    double spot;
    double years;
    double rate;
    double dividend;
    double iv;
    double price;
  }

  private static final Binary CE = ParquetOut.constant(OptionType.CE.name());
  private static final Binary PE = ParquetOut.constant(OptionType.PE.name());

  private final ParquetWriter<Row> writer;
  private final Row row = new Row();
  private long rows;

  TruthFileWriter(Path file, Map<String, String> metadata) throws IOException {
    this.writer = ParquetOut.open(file, new Support(metadata));
  }

  void contract(Symbol symbol, LocalDate tradeDate, LocalDate expiry, OptionType type, int strike) {
    row.symbol = ParquetOut.constant(requireNonNull(symbol, "symbol is null").name());
    row.tradeDate = (int) tradeDate.toEpochDay();
    row.expiry = (int) expiry.toEpochDay();
    row.optType = type == OptionType.CE ? CE : PE;
    row.strike = strike;
  }

  void add(
      long epochNanos,
      double spot,
      double years,
      double rate,
      double dividend,
      double iv,
      double price)
      throws IOException {
    row.tsMicros = epochNanos / 1_000L;
    row.spot = spot;
    row.years = years;
    row.rate = rate;
    row.dividend = dividend;
    row.iv = iv;
    row.price = price;
    writer.write(row);
    rows++;
  }

  long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  private static final class Support extends ParquetOut.Support<Row> {
    Support(Map<String, String> metadata) {
      super(GeneratedSchemas.TRUTH, metadata);
    }

    @Override
    void writeRecord(Row r) {
      putBinary("symbol", 0, r.symbol);
      putInt("trade_date", 1, r.tradeDate);
      putInt("expiry", 2, r.expiry);
      putBinary("opt_type", 3, r.optType);
      putInt("strike", 4, r.strike);
      putLong("ts", 5, r.tsMicros);
      putDouble("spot", 6, r.spot);
      putDouble("t_years", 7, r.years);
      putDouble("rate", 8, r.rate);
      putDouble("dividend", 9, r.dividend);
      putDouble("iv", 10, r.iv);
      putDouble("model_price", 11, r.price);
    }
  }
}
