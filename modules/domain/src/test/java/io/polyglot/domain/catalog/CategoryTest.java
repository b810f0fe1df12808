package io.polyglot.domain.catalog;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.shared.ValidationException.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CategoryTest {

	static final Category BOOK = DefaultCategories.ALL.get(0);

	static final Category TV = DefaultCategories.ALL.get(1);

	static List<String> fields(ValidationException ex) {
		return ex.errors().stream().map(FieldError::field).toList();
	}

	@Test
	void validAttributesComeBackTyped() {
		assertThat(BOOK.validate(Map.of("author", "Ada", "pages", 320))).containsEntry("author", "Ada")
			.containsEntry("pages", 320L);
		assertThat(TV.validate(Map.of("inches", 55, "resolution", "4K"))).containsEntry("inches", 55.0);
		assertThat(TV.validate(Map.of("inches", 55.5))).containsEntry("inches", 55.5);
	}

	@Test
	void unknownMissingAndMistypedAttributesAreNamedTogether() {
		Map<String, Object> raw = new LinkedHashMap<>();
		raw.put("pages", "many");
		raw.put("colour", "red");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> BOOK.validate(raw))
			.satisfies((ex) -> assertThat(fields(ex)).containsExactly("attributes.pages", "attributes.colour",
					"attributes.author"));
	}

	@Test
	void operatorObjectsArraysAndOddNumbersAreWrongTypes() {
		for (Object hostile : List.of(Map.of("$gt", ""), List.of("Ada"), 12, true)) {
			assertThatExceptionOfType(ValidationException.class)
				.isThrownBy(() -> BOOK.validate(Map.of("author", hostile)))
				.satisfies((ex) -> assertThat(fields(ex)).containsExactly("attributes.author"));
		}
		for (Object notWhole : List.of(1.5, "3", new BigInteger("99999999999999999999999"))) {
			assertThatExceptionOfType(ValidationException.class)
				.isThrownBy(() -> BOOK.validate(Map.of("author", "A", "pages", notWhole)));
		}
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> TV.validate(Map.of("inches", Double.NaN)));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> TV.validate(Map.of("inches", 50, "resolution", "4k")));
	}

	@Test
	void hostileKeysAreUnknownAttributesEchoedShort() {
		String longKey = "$where" + "x".repeat(500);
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> BOOK.validate(Map.of("author", "A", "a.b", 1, "$where", "1", longKey, 1)))
			.satisfies((ex) -> assertThat(fields(ex)).contains("attributes.a.b", "attributes.$where")
				.allSatisfy((field) -> assertThat(field).hasSizeLessThan(90)));
	}

	@Test
	void longStringsAreRefused() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> BOOK.validate(Map.of("author", "a".repeat(201))));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> BOOK.validate(Map.of("author", "tab\u0000")));
	}

	@Test
	void attributeNamesCannotBePathsOrOperators() {
		for (String name : List.of("$where", "a.b", "", "A", "x".repeat(33), "with space")) {
			assertThatExceptionOfType(ValidationException.class)
				.isThrownBy(() -> new AttributeDefinition(name, AttributeType.STRING, false, List.of()));
		}
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> new AttributeDefinition("kind", AttributeType.ENUM, false, List.of()));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> new Category(new CategoryCode("x"), "X",
				List.of(new AttributeDefinition("a", AttributeType.STRING, false, List.of()),
						new AttributeDefinition("a", AttributeType.INTEGER, false, List.of()))));
	}

	@Test
	void filterValuesAreParsedByTheAttributeType() {
		AttributeDefinition pages = BOOK.attribute("pages").orElseThrow();
		assertThat(pages.parse("attr.pages", "300")).isEqualTo(300L);
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> pages.parse("attr.pages", "{\"$gt\":0}"))
			.satisfies((ex) -> assertThat(fields(ex)).containsExactly("attr.pages"));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> TV.attribute("inches").orElseThrow().parse("f", "Infinity"));
	}

}
