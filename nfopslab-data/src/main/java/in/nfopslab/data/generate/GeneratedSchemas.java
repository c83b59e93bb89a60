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
  public static final MessageType OPTION =
      Types.buildMessage()
          .optional(INT64)
          .as(LogicalTypeAnnotation.timestampType(true, MICROS))
          .named(TIMESTAMP)
          .optional(BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("symbol")
          .optional(BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("opt_type")
          .optional(INT32)
          .named("strike")
          .optional(DOUBLE)
          .named("open")
          .optional(DOUBLE)
          .named("high")
          .optional(DOUBLE)
          .named("low")
          .optional(DOUBLE)
          .named("close")
          .optional(INT64)
          .named("vol_delta")
          .optional(INT32)
          .as(LogicalTypeAnnotation.dateType())
          .named("expiry")
          .optional(BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("expiry_type")
          .optional(INT32)
          .as(LogicalTypeAnnotation.intType(8, true))
          .named("is_monthly")
          .optional(INT32)
          .as(LogicalTypeAnnotation.intType(8, true))
          .named("is_weekly")
          .optional(INT64)
          .named("oi")
          .named("option_ticks");

  /** {@code packed/spot/...}: timestamp, symbol, trade_date, open, high, low, close, vol_delta. */
  public static final MessageType SPOT =
      Types.buildMessage()
          .optional(INT64)
          .as(LogicalTypeAnnotation.timestampType(true, NANOS))
          .named(TIMESTAMP)
          .optional(BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("symbol")
          .optional(INT32)
          .as(LogicalTypeAnnotation.dateType())
          .named("trade_date")
          .optional(DOUBLE)
          .named("open")
          .optional(DOUBLE)
          .named("high")
          .optional(DOUBLE)
          .named("low")
          .optional(DOUBLE)
          .named("close")
          .optional(INT64)
          .named("vol_delta")
          .named("spot_ticks");

  /**
   * {@code packed/futures/...}: timestamp, symbol, expiry, open, high, low, close, vol_delta, oi.
   */
  public static final MessageType FUTURES =
      Types.buildMessage()
          .optional(INT64)
          .as(LogicalTypeAnnotation.timestampType(true, NANOS))
          .named(TIMESTAMP)
          .optional(BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("symbol")
          .optional(INT32)
          .as(LogicalTypeAnnotation.dateType())
          .named("expiry")
          .optional(DOUBLE)
          .named("open")
          .optional(DOUBLE)
          .named("high")
          .optional(DOUBLE)
          .named("low")
          .optional(DOUBLE)
          .named("close")
          .optional(INT64)
          .named("vol_delta")
          .optional(INT64)
          .named("oi")
          .named("futures_ticks");

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
}
