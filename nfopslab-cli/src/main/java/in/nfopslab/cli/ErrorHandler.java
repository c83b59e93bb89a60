package in.nfopslab.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into one clear line on stderr and exit code 2 (1 is kept for
 * "ran, found problems", e.g. data check findings). The stack trace is shown with -vv.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  static final int USAGE_OR_INPUT_ERROR = 2;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
    cl.getErr()
        .println(
            cl.getColorScheme().errorText("nfops " + cl.getCommandName() + ": " + message(ex)));
    if (Logging.verbosity() >= 2) {
      ex.printStackTrace(cl.getErr());
    }
    return USAGE_OR_INPUT_ERROR;
  }

  /**
   * The exception's message; file-system errors, whose message is often a bare path, also say what
   * went wrong.
   */
  static String message(Exception ex) {
    if (ex instanceof FileSystemException f) {
      String what =
          ex instanceof NoSuchFileException
              ? "no such file or folder"
              : ex instanceof AccessDeniedException
                  ? "permission denied"
                  : ex instanceof FileAlreadyExistsException
                      ? "already exists"
                      : ex instanceof NotDirectoryException
                          ? "not a folder"
                          : f.getReason() != null ? f.getReason() : ex.getClass().getSimpleName();
      return what
          + ": "
          + f.getFile()
          + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile());
    }
    return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
  }
}
