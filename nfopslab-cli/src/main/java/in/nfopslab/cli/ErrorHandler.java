package in.nfopslab.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into one clear line on stderr and exit code 2 (1 is kept for "ran, found
 * problems", e.g. data check findings). The stack trace is shown with -vv.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  static final int USAGE_OR_INPUT_ERROR = 2;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
    String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    cl.getErr().println(cl.getColorScheme().errorText("nfops " + cl.getCommandName() + ": " + msg));
    if (Logging.verbosity() >= 2) {
      ex.printStackTrace(cl.getErr());
    }
    return USAGE_OR_INPUT_ERROR;
  }
}
