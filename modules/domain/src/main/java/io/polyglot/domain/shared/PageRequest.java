package io.polyglot.domain.shared;

import org.jspecify.annotations.Nullable;

/**
 * What a caller asks of a paged list: how many items, and where the previous page ended.
 */
public record PageRequest(int limit, @Nullable Cursor cursor) {

	/** Items per page when the caller names no limit. */
	public static final int DEFAULT_LIMIT = 20;

	/** The most items one page may hold. */
	public static final int MAX_LIMIT = 100;

	// longer limit texts are refused before parsing
	private static final int MAX_LIMIT_DIGITS = 9;

	public PageRequest {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
		}
	}

	/** The first page with the default size. */
	public static PageRequest first() {
		return new PageRequest(DEFAULT_LIMIT, null);
	}

	/**
	 * A page from the optional {@code limit} and {@code cursor} query parameters as text,
	 * applying the default limit; a malformed limit is refused as "must be an integer
	 * between 1 and 100".
	 */
	public static PageRequest parse(@Nullable String limit, @Nullable String cursor) {
		return of(QueryNumbers.parse("limit", limit, 1, MAX_LIMIT), cursor);
	}

	/**
	 * A page from query parameters as the event-log endpoints have always read them: a
	 * limit is any integer text (such as {@code +5}), and one that is not, or is out of
	 * range, is "must be between 1 and 100".
	 */
	public static PageRequest parseLenient(@Nullable String limit, @Nullable String cursor) {
		Integer size = null;
		if (limit != null && !limit.isEmpty()) {
			try {
				if (limit.length() <= MAX_LIMIT_DIGITS) {
					size = Integer.valueOf(limit);
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			if (size == null) {
				throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
			}
		}
		return of(size, cursor);
	}

	/** A page from optional query parameters, applying the default limit. */
	public static PageRequest of(@Nullable Integer limit, @Nullable String cursor) {
		return new PageRequest((limit != null) ? limit : DEFAULT_LIMIT,
				(cursor != null && !cursor.isEmpty()) ? Cursor.of(cursor) : null);
	}

}
