package io.polyglot.domain.catalog;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.polyglot.domain.shared.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Words for search, normalized the same way for products and queries: lower case, accents
 * removed, split on anything that is not a letter or digit. A product keeps its terms in
 * an indexed array; a query asks for all of its terms. Regex or operator syntax in the
 * query is just punctuation here and splits words, it never reaches the store.
 */
public final class SearchTerms {

	/** Longest query text accepted in {@code q}. */
	public static final int MAX_QUERY_LENGTH = 200;

	/** Most words a query may ask for. */
	public static final int MAX_QUERY_TERMS = 10;

	/** Longest single term kept; longer words are cut, for products and queries alike. */
	public static final int MAX_TERM_LENGTH = 40;

	private SearchTerms() {
	}

	/** The distinct terms of the texts, in order of first appearance. */
	public static List<String> of(String... texts) {
		Set<String> terms = new LinkedHashSet<>();
		for (String text : texts) {
			String folded = Normalizer.normalize(text, Normalizer.Form.NFD)
				.replaceAll("\\p{M}+", "")
				.toLowerCase(Locale.ROOT);
			for (String word : folded.split("[^\\p{L}\\p{Nd}]+")) {
				if (!word.isEmpty()) {
					terms.add((word.length() > MAX_TERM_LENGTH) ? word.substring(0, MAX_TERM_LENGTH) : word);
				}
			}
		}
		return List.copyOf(terms);
	}

	/**
	 * The terms of the query parameter {@code q}; empty when absent or blank.
	 * @throws ValidationException on {@code q} when it is too long or has too many words
	 */
	public static List<String> ofQuery(@Nullable String q) {
		if (q == null) {
			return List.of();
		}
		if (q.length() > MAX_QUERY_LENGTH) {
			throw new ValidationException("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
		}
		List<String> terms = of(q);
		if (terms.size() > MAX_QUERY_TERMS) {
			throw new ValidationException("q", "may contain at most " + MAX_QUERY_TERMS + " words");
		}
		return terms;
	}

}
