package io.polyglot.app.web.social;

import java.util.List;

import io.polyglot.app.security.SessionPrincipal;
import io.polyglot.domain.order.Orders.Popular;
import io.polyglot.domain.shared.QueryNumbers;
import io.polyglot.domain.social.RecommendProducts;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Products most bought by the caller's friends and not yet by the caller. */
@RestController
public class RecommendationsController {

	private final RecommendProducts recommendProducts;

	public RecommendationsController(RecommendProducts recommendProducts) {
		this.recommendProducts = recommendProducts;
	}

	@GetMapping("/api/v1/recommendations/products")
	RecommendationList recommendations(@AuthenticationPrincipal SessionPrincipal caller,
			@RequestParam(required = false) @Nullable String limit) {
		return new RecommendationList(this.recommendProducts
			.recommend(caller.customerId(), QueryNumbers.parse("limit", limit, 1, RecommendProducts.MAX_LIMIT))
			.stream()
			.map(Recommendation::of)
			.toList());
	}

	/** The recommendations, best first. */
	record RecommendationList(List<Recommendation> items) {
	}

	/** A product, with how many friends bought it and how many units. */
	record Recommendation(String productId, String name, long friendsWhoBought, long units) {

		static Recommendation of(Popular popular) {
			return new Recommendation(popular.productId().toString(), popular.name(), popular.buyers(),
					popular.units());
		}

	}

}
