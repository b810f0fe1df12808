package io.polyglot.domain.catalog;

import io.polyglot.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SearchTermsTest {

	@Test
	void termsAreLowerCaseWithoutAccentsAndDistinct() {
		assertThat(SearchTerms.of("Crème Brûlée", "crème, DELUXE!")).containsExactly("creme", "brulee", "deluxe");
	}

	@Test
	void regexAndOperatorSyntaxIsOnlyPunctuation() {
		assertThat(SearchTerms.ofQuery(".*")).isEmpty();
		assertThat(SearchTerms.ofQuery("(a+)+$")).containsExactly("a");
		assertThat(SearchTerms.ofQuery("{\"$where\":\"sleep(1)\"}")).containsExactly("where", "sleep", "1");
		assertThat(SearchTerms.ofQuery(null)).isEmpty();
	}

	@Test
	void longQueriesAndTooManyWordsAreRefused() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> SearchTerms.ofQuery("a".repeat(201)));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> SearchTerms.ofQuery("a b c d e f g h i j k"));
		assertThat(SearchTerms.of("x".repeat(100))).containsExactly("x".repeat(SearchTerms.MAX_TERM_LENGTH));
	}

}
