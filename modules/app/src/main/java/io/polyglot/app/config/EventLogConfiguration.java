package io.polyglot.app.config;

import io.polyglot.domain.eventlog.EventLog;
import io.polyglot.domain.eventlog.ReadActivity;
import io.polyglot.domain.eventlog.ReadEvents;
import io.polyglot.domain.eventlog.StreamOwners;
import io.polyglot.domain.shared.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event log's read use cases over the adapter's log and owner lookup. The relay
 * delivers to the same adapter bean through its {@code EventConsumer} face (name
 * {@code "eventlog"}).
 */
@Configuration(proxyBeanMethods = false)
public class EventLogConfiguration {

	@Bean
	ReadEvents readEvents(EventLog eventLog, StreamOwners owners, Clock clock) {
		return new ReadEvents(eventLog, owners, clock);
	}

	@Bean
	ReadActivity readActivity(EventLog eventLog, Clock clock) {
		return new ReadActivity(eventLog, clock);
	}

}
