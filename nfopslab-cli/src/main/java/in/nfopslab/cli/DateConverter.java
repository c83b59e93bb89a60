package in.nfopslab.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Dates on the command line: YYYY-MM-DD, and an impossible one (2024-02-30) says why in plain
 * words.
 */
final class DateConverter implements ITypeConverter<LocalDate> {
  @Override
  public LocalDate convert(String value) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      String why =
          e.getCause() != null && e.getCause().getMessage() != null
              ? " (" + e.getCause().getMessage() + ")"
              : "";
      throw new TypeConversionException("invalid date '" + value + "': expected YYYY-MM-DD" + why);
    }
  }
}
