package dev.quarry.core;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Test fixture: what is logged (at the configured levels) while it is open — by one class
 * ({@link #of}) or by anyone ({@link #all}) — for tests that check what a run logs.
 */
public final class RecordedLogs implements AutoCloseable {
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final AbstractAppender appender;
  private final Runnable detach;

  private RecordedLogs(String name, Function<AbstractAppender, Runnable> attach) {
    appender = new AbstractAppender(name, null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        String message = event.getMessage().getFormattedMessage();
        messages.add(event.getLevel() + " " + message);
        StringWriter line = new StringWriter();
        line.append(event.getLevel().toString()).append(' ').append(event.getLoggerName())
            .append(": ").append(message).append('\n');
        if (event.getThrown() != null) {
          event.getThrown().printStackTrace(new PrintWriter(line));
        }
        synchronized (text) {
          text.append(line);
        }
      }
    };
    appender.start();
    detach = attach.apply(appender);
  }

  /** What {@code source}'s logger logs. */
  public static RecordedLogs of(Class<?> source) {
    return new RecordedLogs("recorded-" + source.getSimpleName(), appender -> {
      Logger logger = (Logger) LogManager.getLogger(source);
      logger.addAppender(appender);
      return () -> logger.removeAppender(appender);
    });
  }

  /** What every logger logs. */
  public static RecordedLogs all() {
    return new RecordedLogs("recorded-all", appender -> {
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      Configuration config = context.getConfiguration();
      config.addAppender(appender);
      for (LoggerConfig logger : config.getLoggers().values()) {
        logger.addAppender(appender, Level.ALL, null);
      }
      config.getRootLogger().addAppender(appender, Level.ALL, null);
      context.updateLoggers();
      return () -> {
        for (LoggerConfig logger : config.getLoggers().values()) {
          logger.removeAppender(appender.getName());
        }
        config.getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
      };
    });
  }

  /** Each event as "LEVEL message". */
  public List<String> messages() {
    return List.copyOf(messages);
  }

  /** Each event as "LEVEL logger: message", with its stack trace. */
  public String text() {
    synchronized (text) {
      return text.toString();
    }
  }

  @Override
  public void close() {
    detach.run();
    appender.stop();
  }
}
