package in.nfopslab.cli;

import in.nfopslab.core.instrument.Symbol;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** --symbol values: validated once here so nothing like "../.." ever reaches a path. */
final class SymbolConverter implements ITypeConverter<Symbol> {
  @Override
  public Symbol convert(String value) {
    try {
      return Symbol.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
