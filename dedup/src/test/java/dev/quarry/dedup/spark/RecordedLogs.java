package dev.quarry.dedup.spark;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** The messages one class logs while this is open, as "LEVEL message". */
final class RecordedLogs implements AutoCloseable {
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final Logger logger;
  private final AbstractAppender appender;

  RecordedLogs(Class<?> source) {
    logger = (Logger) LogManager.getLogger(source);
    appender = new AbstractAppender("recorded-" + source.getSimpleName(), null, null, true,
        Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        messages.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
      }
    };
    appender.start();
    logger.addAppender(appender);
  }

  List<String> messages() {
    return List.copyOf(messages);
  }

  @Override
  public void close() {
    logger.removeAppender(appender);
    appender.stop();
  }
}
