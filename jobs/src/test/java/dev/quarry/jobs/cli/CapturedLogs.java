package dev.quarry.jobs.cli;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Everything logged (at the configured levels, with stack traces) while it is open: for tests
 * that check what a run writes to its logs.
 */
final class CapturedLogs implements AutoCloseable {
  private static final String NAME = "captured-logs";
  private final StringWriter text = new StringWriter();
  private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
  private final Appender appender;

  private CapturedLogs() {
    appender = WriterAppender.newBuilder().setName(NAME).setTarget(text)
        .setLayout(PatternLayout.newBuilder().withPattern("%p %c: %m%n%ex").build()).build();
    appender.start();
    Configuration config = context.getConfiguration();
    config.addAppender(appender);
    for (LoggerConfig logger : config.getLoggers().values()) {
      logger.addAppender(appender, Level.ALL, null);
    }
    config.getRootLogger().addAppender(appender, Level.ALL, null);
    context.updateLoggers();
  }

  static CapturedLogs start() {
    return new CapturedLogs();
  }

  String text() {
    return text.toString();
  }

  @Override
  public void close() {
    Configuration config = context.getConfiguration();
    for (LoggerConfig logger : config.getLoggers().values()) {
      logger.removeAppender(NAME);
    }
    config.getRootLogger().removeAppender(NAME);
    context.updateLoggers();
    appender.stop();
  }
}
