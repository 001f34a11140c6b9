package io.smsgw.webhook;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the JVM while it is open (a list appender on the root logger), with some
 * loggers turned up to DEBUG or TRACE as an operator chasing a problem would: the logger, the
 * formatted message, MDC and every exception message of the chain, as one line per event.
 */
final class LogCapture implements AutoCloseable {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final List<String> loggers;

	private final List<Level> previous = new ArrayList<>();

	/** Captures with these loggers at DEBUG, and those at TRACE. */
	LogCapture(List<String> debug, List<String> trace) {
		this.loggers = new ArrayList<>(debug);
		this.loggers.addAll(trace);
		for (String name : this.loggers) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			this.previous.add(logger.getLevel());
			logger.setLevel(trace.contains(name) ? Level.TRACE : Level.DEBUG);
		}
		this.appender.start();
		root().addAppender(this.appender);
	}

	/** The events so far, one line each, prefixed with the logger's name. */
	List<String> lines() {
		List<String> lines = new ArrayList<>();
		for (ILoggingEvent event : List.copyOf(this.appender.list)) {
			StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
			event.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
			for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
				line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
			}
			lines.add(line.toString());
		}
		return lines;
	}

	@Override
	public void close() {
		root().detachAppender(this.appender);
		for (int i = 0; i < this.loggers.size(); i++) {
			((Logger) LoggerFactory.getLogger(this.loggers.get(i))).setLevel(this.previous.get(i));
		}
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

}
