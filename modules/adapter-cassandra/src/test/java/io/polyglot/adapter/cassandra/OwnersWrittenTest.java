package io.polyglot.adapter.cassandra;

import java.util.HashMap;
import java.util.Map;

import io.polyglot.domain.shared.CustomerId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OwnersWrittenTest {

	private final OwnersWritten written = new OwnersWritten(2);

	private final CustomerId ada = CustomerId.random();

	@Test
	void aStreamWrittenWithAnOwnerNeedsNoWriteForThatOwnerOrNone() {
		this.written.remember(Map.of("account:a", this.ada));

		assertThat(this.written.has("account:a", this.ada)).isTrue();
		assertThat(this.written.has("account:a", null)).isTrue();
		assertThat(this.written.has("account:a", CustomerId.random())).isFalse();
		assertThat(this.written.has("account:b", null)).isFalse();
	}

	@Test
	void aRowWrittenWithoutOwnerStillNeedsTheOwnerWhenOneComes() {
		this.written.remember(withoutOwner("order:o"));

		assertThat(this.written.has("order:o", null)).isTrue();
		assertThat(this.written.has("order:o", this.ada)).isFalse();
	}

	@Test
	void aLaterWriteWithoutOwnerKeepsTheKnownOwner() {
		this.written.remember(Map.of("account:a", this.ada));
		this.written.remember(withoutOwner("account:a"));

		assertThat(this.written.has("account:a", this.ada)).isTrue();
	}

	@Test
	void onlyTheMostRecentStreamsAreKept() {
		this.written.remember(withoutOwner("s:1"));
		this.written.remember(withoutOwner("s:2"));
		this.written.remember(withoutOwner("s:3"));

		assertThat(this.written.has("s:1", null)).isFalse();
		assertThat(this.written.has("s:3", null)).isTrue();
	}

	private static Map<String, CustomerId> withoutOwner(String stream) {
		Map<String, CustomerId> owners = new HashMap<>();
		owners.put(stream, null);
		return owners;
	}

}
