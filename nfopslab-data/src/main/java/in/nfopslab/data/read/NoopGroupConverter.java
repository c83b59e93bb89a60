package in.nfopslab.data.read;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * parquet-java's {@code ColumnReadStoreImpl} wants a converter tree even when its column readers
 * are used directly (as every reader here does, for speed): this one does nothing.
 */
public final class NoopGroupConverter extends GroupConverter {
  public static final NoopGroupConverter INSTANCE = new NoopGroupConverter();
  private static final PrimitiveConverter PRIMITIVE = new PrimitiveConverter() {};

  private NoopGroupConverter() {}

  @Override
  public Converter getConverter(int fieldIndex) {
    return PRIMITIVE;
  }

  @Override
  public void start() {}

  @Override
  public void end() {}
}
