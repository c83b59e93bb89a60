package in.nfopslab.fees;

/**
 * Prices the charges of one order. The one extension point of the fee module: a broker's own
 * schedule or a flat cost model is another implementation, and a new input is a new field of {@link
 * FeeParameters}.
 */
@FunctionalInterface
public interface FeeModel {
  FeeBreakdown fees(FeeParameters order);
}
