package io.polyglot.domain.eventlog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Cursor;
import io.polyglot.domain.shared.CustomerId;
import io.polyglot.domain.shared.Page;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link EventLog} implementation must do, run by each implementation's
 * integration test against its real store. Time is fixed: events carry chosen timestamps,
 * and every test writes to streams of its own.
 */
public abstract class EventLogContract {

	/** Late in a day, so a few hours back crosses midnight. */
	protected static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-27T22:30:00.123456Z"));

	protected abstract EventLog eventLog();

	protected static EventStream newStream() {
		return EventStream.order(UUID.randomUUID());
	}

	protected static DomainEvent event(EventStream stream, Instant at) {
		return new DomainEvent(UUID.randomUUID(), stream, "OrderPlaced", at, CustomerId.random(),
				Map.of("total", "12.50", "currency", "EUR"));
	}

	protected static TimeRange lastDays(int days) {
		return new TimeRange(CLOCK.now().minus(Duration.ofDays(days)), CLOCK.now());
	}

	/** Every page of the stream, following cursors, with the given page size. */
	protected List<DomainEvent> readAll(EventStream stream, TimeRange range, int limit) {
		return everyPage(limit, (page) -> eventLog().read(stream, range, page));
	}

	/**
	 * Every page one read answers, following cursors; each page is checked on the way.
	 */
	protected static List<DomainEvent> everyPage(int limit, Function<PageRequest, Page<DomainEvent>> read) {
		List<DomainEvent> all = new ArrayList<>();
		Cursor cursor = null;
		int pages = 0;
		do {
			Page<DomainEvent> page = read.apply(new PageRequest(limit, cursor));
			assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
			if (page.nextCursor() != null) {
				assertThat(page.items()).as("a page with a next cursor is full").hasSize(limit);
			}
			all.addAll(page.items());
			cursor = page.nextCursor();
			assertThat(++pages).as("pages").isLessThan(1_000);
		}
		while (cursor != null);
		return all;
	}

	protected static List<DomainEvent> newestFirst(List<DomainEvent> events) {
		return events.stream()
			.sorted(Comparator.comparing(DomainEvent::occurredAt)
				.thenComparing(DomainEvent::id, Comparator.comparing(UUID::toString))
				.reversed())
			.toList();
	}

	@Test
	protected void anAppendedEventReadsBackEqual() {
		EventStream stream = newStream();
		DomainEvent event = event(stream, CLOCK.now().minusSeconds(30));
		DomainEvent withoutOwner = new DomainEvent(UUID.randomUUID(), stream, "OrderPaid", CLOCK.now().minusSeconds(20),
				null, Map.of());

		eventLog().append(List.of(event, withoutOwner));

		assertThat(eventLog().read(stream, lastDays(1), PageRequest.first()).items()).containsExactly(withoutOwner,
				event);
	}

	@Test
	protected void appendingTheSameEventTwiceKeepsItOnce() {
		EventStream stream = newStream();
		DomainEvent event = event(stream, CLOCK.now().minusSeconds(30));

		eventLog().append(List.of(event));
		eventLog().append(List.of(event, event));

		Page<DomainEvent> page = eventLog().read(stream, lastDays(1), PageRequest.first());
		assertThat(page.items()).containsExactly(event);
		assertThat(page.nextCursor()).isNull();
	}

	@Test
	protected void eventsComeNewestFirstWhateverTheAppendOrder() {
		EventStream stream = newStream();
		Instant now = CLOCK.now();
		DomainEvent oldest = event(stream, now.minus(Duration.ofHours(30)));
		DomainEvent middle = event(stream, now.minus(Duration.ofHours(1)));
		DomainEvent newest = event(stream, now.minusMillis(1));

		eventLog().append(List.of(middle, newest));
		eventLog().append(List.of(oldest));

		assertThat(eventLog().read(stream, lastDays(2), PageRequest.first()).items()).containsExactly(newest, middle,
				oldest);
	}

	@Test
	protected void theRangeIncludesFromAndExcludesTo() {
		EventStream stream = newStream();
		Instant from = CLOCK.now().minus(Duration.ofDays(3));
		Instant to = CLOCK.now().minus(Duration.ofDays(1));
		DomainEvent atFrom = event(stream, from);
		DomainEvent justBeforeTo = event(stream, to.minusNanos(1_000));
		DomainEvent atTo = event(stream, to);
		DomainEvent beforeFrom = event(stream, from.minusNanos(1_000));
		eventLog().append(List.of(atFrom, justBeforeTo, atTo, beforeFrom));

		assertThat(eventLog().read(stream, new TimeRange(from, to), PageRequest.first()).items())
			.containsExactly(justBeforeTo, atFrom);
	}

	@Test
	protected void pagesWalkBackAcrossDayBoundariesWithoutGapsOrRepeats() {
		EventStream stream = newStream();
		Instant midnight = Instant.parse("2026-02-27T00:00:00Z");
		List<DomainEvent> events = new ArrayList<>();
		// four days with events right at and around midnight, one empty day in between,
		// and a run of events in one microsecond
		for (Instant at : List.of(midnight, midnight.minusNanos(1_000), midnight.plusSeconds(1),
				midnight.minus(Duration.ofDays(1)), midnight.minus(Duration.ofDays(1)).plusSeconds(3600),
				midnight.minus(Duration.ofDays(3)).plusSeconds(60), midnight.minus(Duration.ofDays(3)).minusSeconds(60),
				CLOCK.now().minusSeconds(1))) {
			events.add(event(stream, at));
		}
		Instant sameInstant = midnight.minus(Duration.ofDays(1)).plusSeconds(7200);
		for (int i = 0; i < 5; i++) {
			events.add(event(stream, sameInstant));
		}
		eventLog().append(events);
		eventLog().append(List.of(event(newStream(), midnight)));

		List<DomainEvent> expected = newestFirst(events);
		for (int limit : List.of(1, 2, 3, 5, 100)) {
			assertThat(readAll(stream, lastDays(7), limit)).as("page size %d", limit)
				.containsExactlyElementsOf(expected);
		}
	}

	@Test
	protected void aCursorGivesTheSamePageAgainEvenAfterNewerEventsArrive() {
		EventStream stream = newStream();
		Instant now = CLOCK.now();
		List<DomainEvent> events = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			events.add(event(stream, now.minus(Duration.ofHours(i * 10L))));
		}
		eventLog().append(events);
		TimeRange range = lastDays(4);
		Page<DomainEvent> first = eventLog().read(stream, range, new PageRequest(2, null));
		Cursor cursor = first.nextCursor();
		assertThat(cursor).isNotNull();

		Page<DomainEvent> second = eventLog().read(stream, range, new PageRequest(2, cursor));
		eventLog().append(List.of(event(stream, now.minusSeconds(5))));
		Page<DomainEvent> again = eventLog().read(stream, range, new PageRequest(2, cursor));

		assertThat(first.items()).containsExactlyElementsOf(events.subList(0, 2));
		assertThat(second.items()).containsExactlyElementsOf(events.subList(2, 4));
		assertThat(again).isEqualTo(second);
	}

	@Test
	protected void aTamperedOrForeignCursorIsAValidationError() {
		EventStream stream = newStream();
		Instant now = CLOCK.now();
		eventLog().append(List.of(event(stream, now.minusSeconds(3)), event(stream, now.minusSeconds(2)),
				event(stream, now.minusSeconds(1))));
		TimeRange range = lastDays(1);
		Cursor issued = eventLog().read(stream, range, new PageRequest(1, null)).nextCursor();
		assertThat(issued).isNotNull();
		String position = issued.decode();

		List<Cursor> bad = List.of(Cursor.encode("not a position"), Cursor.encode(position + "|extra"),
				Cursor.encode(position.replace(stream.toString(), newStream().toString())),
				Cursor.encode(position.replaceFirst("\\|\\d{4}-", "|1999-")),
				Cursor.encode(position.replaceFirst("\\|(\\d+)\\|", "|abc|")), Cursor.encode("e1|'; DROP TABLE x;--"),
				Cursor.of(Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] { (byte) 0xff, 0x00 })),
				Cursor.of("A"));
		for (Cursor cursor : bad) {
			assertThatExceptionOfType(ValidationException.class)
				.isThrownBy(() -> eventLog().read(stream, range, new PageRequest(1, cursor)))
				.satisfies((ex) -> assertThat(ex.errors()).extracting(ValidationException.FieldError::field)
					.containsExactly("cursor"));
		}
		// a cursor outside the range asked for is refused too
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> eventLog().read(stream,
				new TimeRange(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1))),
				new PageRequest(1, issued)));
	}

	@Test
	protected void aStreamWithoutEventsIsAnEmptyLastPage() {
		Page<DomainEvent> page = eventLog().read(newStream(), lastDays(366), PageRequest.first());

		assertThat(page.items()).isEmpty();
		assertThat(page.nextCursor()).isNull();
	}

	@Test
	protected void aPageExactlyAsLongAsTheStreamHasNoNextCursor() {
		EventStream stream = newStream();
		eventLog()
			.append(List.of(event(stream, CLOCK.now().minusSeconds(2)), event(stream, CLOCK.now().minusSeconds(1))));

		assertThat(eventLog().read(stream, lastDays(1), new PageRequest(2, null)).nextCursor()).isNull();
	}

	protected static DomainEvent owned(EventStream stream, String type, Instant at, CustomerId owner) {
		return new DomainEvent(UUID.randomUUID(), stream, type, at, owner, Map.of("note", type));
	}

	/**
	 * Every page of the owner's timeline, following cursors, with the given page size.
	 */
	protected List<DomainEvent> readTimeline(CustomerId owner, TimeRange range, int limit) {
		return everyPage(limit, (page) -> eventLog().readTimeline(owner, range, page));
	}

	@Test
	protected void aTimelineHoldsTheOwnersEventsOfEveryStreamNewestFirst() {
		CustomerId owner = CustomerId.random();
		CustomerId other = CustomerId.random();
		Instant now = CLOCK.now();
		EventStream customer = EventStream.customer(owner.value());
		EventStream account = EventStream.account(UUID.randomUUID());
		EventStream order = EventStream.order(UUID.randomUUID());
		DomainEvent registered = owned(customer, "CustomerRegistered", now.minus(Duration.ofDays(3)), owner);
		DomainEvent deposit = owned(account, "DepositMade", now.minus(Duration.ofHours(30)), owner);
		DomainEvent placed = owned(order, "OrderPlaced", now.minus(Duration.ofHours(2)), owner);
		DomainEvent friend = owned(customer, "FriendshipAdded", now.minusSeconds(5), owner);
		// another customer's events, and a stream nobody owns, stay out
		DomainEvent othersDeposit = owned(EventStream.account(UUID.randomUUID()), "DepositMade",
				now.minus(Duration.ofHours(1)), other);
		DomainEvent product = new DomainEvent(UUID.randomUUID(), EventStream.product(UUID.randomUUID()),
				"ProductCreated", now.minusSeconds(60), null, Map.of());

		eventLog().append(List.of(placed, othersDeposit, registered));
		eventLog().append(List.of(product, friend, deposit, friend));

		Page<DomainEvent> page = eventLog().readTimeline(owner, lastDays(7), PageRequest.first());
		assertThat(page.items()).containsExactly(friend, placed, deposit, registered);
		assertThat(page.nextCursor()).isNull();
		assertThat(eventLog().readTimeline(other, lastDays(7), PageRequest.first()).items())
			.containsExactly(othersDeposit);
	}

	@Test
	protected void aTransferShowsInTheTimelinesOfBothParties() {
		CustomerId sender = CustomerId.random();
		CustomerId receiver = CustomerId.random();
		Instant at = CLOCK.now().minusSeconds(10);
		// one event per account stream, each owned by that account's owner
		DomainEvent out = owned(EventStream.account(UUID.randomUUID()), "MoneyTransferred", at, sender);
		DomainEvent in = owned(EventStream.account(UUID.randomUUID()), "MoneyTransferred", at, receiver);

		eventLog().append(List.of(out, in));

		assertThat(eventLog().readTimeline(sender, lastDays(1), PageRequest.first()).items()).containsExactly(out);
		assertThat(eventLog().readTimeline(receiver, lastDays(1), PageRequest.first()).items()).containsExactly(in);
	}

	@Test
	protected void timelinePagesWalkBackAcrossDayAndMonthBoundariesWithoutGapsOrRepeats() {
		CustomerId owner = CustomerId.random();
		Instant monthStart = Instant.parse("2026-02-01T00:00:00Z");
		Instant midnight = Instant.parse("2026-02-27T00:00:00Z");
		List<EventStream> streams = List.of(EventStream.customer(owner.value()), EventStream.account(UUID.randomUUID()),
				EventStream.order(UUID.randomUUID()), EventStream.order(UUID.randomUUID()));
		List<DomainEvent> events = new ArrayList<>();
		List<Instant> times = List.of(midnight, midnight.minusNanos(1_000), midnight.plusSeconds(1),
				midnight.minus(Duration.ofDays(2)), monthStart, monthStart.minusNanos(1_000),
				monthStart.minus(Duration.ofDays(9)), CLOCK.now().minusSeconds(1), monthStart.plusSeconds(7));
		for (int i = 0; i < times.size(); i++) {
			events.add(owned(streams.get(i % streams.size()), "OrderPlaced", times.get(i), owner));
		}
		// a run of events in one microsecond, on different streams
		for (int i = 0; i < 5; i++) {
			events.add(owned(streams.get(i % streams.size()), "OrderPaid", monthStart.plusSeconds(3600), owner));
		}
		eventLog().append(events);
		eventLog().append(List.of(owned(newStream(), "OrderPlaced", midnight, CustomerId.random())));

		List<DomainEvent> expected = newestFirst(events);
		for (int limit : List.of(1, 2, 3, 5, 100)) {
			assertThat(readTimeline(owner, lastDays(40), limit)).as("page size %d", limit)
				.containsExactlyElementsOf(expected);
		}
		// the range bounds apply to the timeline as to a stream
		assertThat(readTimeline(owner, new TimeRange(monthStart, midnight), 2))
			.containsExactlyElementsOf(expected.stream()
				.filter((e) -> !e.occurredAt().isBefore(monthStart) && e.occurredAt().isBefore(midnight))
				.toList());
	}

	@Test
	protected void aTimelineCursorWorksOnlyForItsOwnersTimeline() {
		CustomerId owner = CustomerId.random();
		EventStream stream = EventStream.customer(owner.value());
		Instant now = CLOCK.now();
		eventLog().append(List.of(owned(stream, "SessionStarted", now.minusSeconds(3), owner),
				owned(stream, "SessionStarted", now.minusSeconds(2), owner)));
		TimeRange range = lastDays(1);
		Cursor timelineCursor = eventLog().readTimeline(owner, range, new PageRequest(1, null)).nextCursor();
		Cursor streamCursor = eventLog().read(stream, range, new PageRequest(1, null)).nextCursor();
		assertThat(timelineCursor).isNotNull();
		assertThat(streamCursor).isNotNull();

		assertThat(eventLog().readTimeline(owner, range, new PageRequest(1, timelineCursor)).items()).hasSize(1);
		for (Runnable misuse : List.<Runnable>of(
				() -> eventLog().readTimeline(CustomerId.random(), range, new PageRequest(1, timelineCursor)),
				() -> eventLog().read(stream, range, new PageRequest(1, timelineCursor)),
				() -> eventLog().readTimeline(owner, range, new PageRequest(1, streamCursor)),
				() -> eventLog().readTimeline(owner, range, new PageRequest(1, Cursor.encode("e1|x|y|z|w"))))) {
			assertThatExceptionOfType(ValidationException.class).isThrownBy(misuse::run)
				.satisfies((ex) -> assertThat(ex.errors()).extracting(ValidationException.FieldError::field)
					.containsExactly("cursor"));
		}
	}

	@Test
	protected void anOwnerWithoutEventsHasAnEmptyTimeline() {
		Page<DomainEvent> page = eventLog().readTimeline(CustomerId.random(), lastDays(366), PageRequest.first());

		assertThat(page.items()).isEmpty();
		assertThat(page.nextCursor()).isNull();
	}

}
