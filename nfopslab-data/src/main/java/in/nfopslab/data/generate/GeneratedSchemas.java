package in.nfopslab.data.generate;

import static org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MICROS;
import static org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.NANOS;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * Parquet schemas of the generated files, the design's columns in the physical types real files
 * use. Every column is OPTIONAL (never null here), as files written by pandas/pyarrow have them, so
 * readers meet definition levels. Option timestamps are TIMESTAMP(MICROS, isAdjustedToUTC=true);
 * spot and futures TIMESTAMP(NANOS, true).
 */
public final class GeneratedSchemas {
  public static final String TIMESTAMP = "timestamp";

  /**
   * {@code packed/options/...}: timestamp, symbol, opt_type, strike, open, high, low, close,
   * vol_delta, expiry, expiry_type, is_monthly, is_weekly, oi.
   */
  public static final MessageType OPTION = option();

  /** {@code packed/spot/...}: timestamp, symbol, trade_date, open, high, low, close, vol_delta. */
  public static final MessageType SPOT = underlying("trade_date", false, "spot_ticks");

  /**
   * {@code packed/futures/...}: timestamp, symbol, expiry, open, high, low, close, vol_delta, oi.
   */
  public static final MessageType FUTURES = underlying("expiry", true, "futures_ticks");

  /**
   * {@code meta/generator_truth.parquet}: one row per (symbol, trade_date, expiry, opt_type,
   * strike, minute) with what the generator priced: spot (unrounded), t_years (ACT/365 to the 15:30
   * cut-off), rate, dividend, iv and the noise-free model_price = BlackScholes.price(spot, strike,
   * t_years, rate, dividend, iv).
   */
  public static final MessageType TRUTH =
      Types.buildMessage()
          .required(BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("symbol")
          .required(INT32)
          .as(LogicalTypeAnnotation.dateType())
          .named("trade_date")
          .required(INT32)
          .as(LogicalTypeAnnotation.dateType())
          .named("expiry")
          .required(BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("opt_type")
          .required(INT32)
          .named("strike")
          .required(INT64)
          .as(LogicalTypeAnnotation.timestampType(true, MICROS))
          .named("ts")
          .required(DOUBLE)
          .named("spot")
          .required(DOUBLE)
          .named("t_years")
          .required(DOUBLE)
          .named("rate")
          .required(DOUBLE)
          .named("dividend")
          .required(DOUBLE)
          .named("iv")
          .required(DOUBLE)
          .named("model_price")
          .named("generator_truth");

  private GeneratedSchemas() {}

  private static MessageType option() {
    Types.MessageTypeBuilder b = Types.buildMessage();
    b.optional(INT64).as(LogicalTypeAnnotation.timestampType(true, MICROS)).named(TIMESTAMP);
    string(b, "symbol");
    string(b, "opt_type");
    b.optional(INT32).named("strike");
    pricesAndVolume(b);
    date(b, "expiry");
    string(b, "expiry_type");
    b.optional(INT32).as(LogicalTypeAnnotation.intType(8, true)).named("is_monthly");
    b.optional(INT32).as(LogicalTypeAnnotation.intType(8, true)).named("is_weekly");
    b.optional(INT64).named("oi");
    return b.named("option_ticks");
  }

  /**
   * Spot or futures ticks: timestamp (NANOS), symbol, the date column, open, high, low, close,
   * vol_delta, and oi when the instrument has open interest.
   */
  private static MessageType underlying(String dateColumn, boolean withOi, String name) {
    Types.MessageTypeBuilder b = Types.buildMessage();
    b.optional(INT64).as(LogicalTypeAnnotation.timestampType(true, NANOS)).named(TIMESTAMP);
    string(b, "symbol");
    date(b, dateColumn);
    pricesAndVolume(b);
    if (withOi) {
      b.optional(INT64).named("oi");
    }
    return b.named(name);
  }

  private static void string(Types.MessageTypeBuilder b, String name) {
    b.optional(BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
  }

  private static void date(Types.MessageTypeBuilder b, String name) {
    b.optional(INT32).as(LogicalTypeAnnotation.dateType()).named(name);
  }

  /** open, high, low, close (DOUBLE) and vol_delta (INT64). */
  private static void pricesAndVolume(Types.MessageTypeBuilder b) {
    for (String price : new String[] {"open", "high", "low", "close"}) {
      b.optional(DOUBLE).named(price);
    }
    b.optional(INT64).named("vol_delta");
  }
}
