package io.polyglot.app.web.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.polyglot.domain.catalog.BrowseCatalog;
import io.polyglot.domain.shared.PageRequest;
import io.polyglot.domain.shared.ValidationException;
import io.polyglot.domain.shared.ValidationException.FieldError;
import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * The query string of {@code GET /products} and {@code /products/facets} as text for the
 * domain: known parameters, {@code attr.<name>[.gte|.lte]} filters, paging. Unknown or
 * repeated parameters are refused rather than ignored, so a mistyped filter never
 * silently widens a search.
 */
record SearchParameters(BrowseCatalog.SearchInput input, PageRequest page) {

	private static final Set<String> KNOWN = Set.of("category", "q", "minPrice", "maxPrice", "sort", "limit", "cursor");

	private static final String ATTRIBUTE_PREFIX = "attr.";

	static SearchParameters parse(MultiValueMap<String, String> query, boolean paged) {
		List<FieldError> errors = new ArrayList<>();
		Map<String, String> single = new LinkedHashMap<>();
		Map<String, String> attributes = new LinkedHashMap<>();
		query.forEach((name, values) -> {
			String shown = (name.length() > 64) ? name.substring(0, 64) + "..." : name;
			if (values.size() != 1) {
				errors.add(new FieldError(shown, "must be given once"));
			}
			else if (name.startsWith(ATTRIBUTE_PREFIX) && name.length() > ATTRIBUTE_PREFIX.length()) {
				attributes.put(name.substring(ATTRIBUTE_PREFIX.length()), values.get(0));
			}
			else if (KNOWN.contains(name) && (paged || !(name.equals("limit") || name.equals("cursor")))) {
				single.put(name, values.get(0));
			}
			else {
				errors.add(new FieldError(shown, "is not a known parameter"));
			}
		});
		Integer limit = null;
		String limitText = single.get("limit");
		if (limitText != null) {
			try {
				limit = Integer.valueOf(limitText);
			}
			catch (NumberFormatException ex) {
				errors.add(new FieldError("limit", "must be between 1 and " + PageRequest.MAX_LIMIT));
			}
		}
		PageRequest page = null;
		try {
			page = PageRequest.of(limit, single.get("cursor"));
		}
		catch (ValidationException ex) {
			errors.addAll(ex.errors());
		}
		if (!errors.isEmpty() || page == null) {
			throw new ValidationException(errors);
		}
		return new SearchParameters(new BrowseCatalog.SearchInput(blankToNull(single.get("category")), single.get("q"),
				blankToNull(single.get("minPrice")), blankToNull(single.get("maxPrice")),
				blankToNull(single.get("sort")), attributes), page);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
