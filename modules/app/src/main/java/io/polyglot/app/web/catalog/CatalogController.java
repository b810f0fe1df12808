package io.polyglot.app.web.catalog;

import io.polyglot.app.web.catalog.CatalogDtos.CategoryListResponse;
import io.polyglot.app.web.catalog.CatalogDtos.CategoryRequest;
import io.polyglot.app.web.catalog.CatalogDtos.CategoryResponse;
import io.polyglot.app.web.catalog.CatalogDtos.FacetsResponse;
import io.polyglot.app.web.catalog.CatalogDtos.ProductPageResponse;
import io.polyglot.app.web.catalog.CatalogDtos.ProductRequest;
import io.polyglot.app.web.catalog.CatalogDtos.ProductResponse;
import io.polyglot.domain.catalog.BrowseCatalog;
import io.polyglot.domain.catalog.CategoryCode;
import io.polyglot.domain.catalog.ManageCatalog;
import io.polyglot.domain.catalog.Product;
import io.polyglot.domain.catalog.ProductId;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Categories and products: public reads and searches, administrator writes (enforced by
 * the security configuration).
 */
@RestController
@RequestMapping("/api/v1")
public class CatalogController {

	private final ManageCatalog manageCatalog;

	private final BrowseCatalog browseCatalog;

	public CatalogController(ManageCatalog manageCatalog, BrowseCatalog browseCatalog) {
		this.manageCatalog = manageCatalog;
		this.browseCatalog = browseCatalog;
	}

	@GetMapping("/categories")
	CategoryListResponse categories() {
		return new CategoryListResponse(this.browseCatalog.categories().stream().map(CategoryResponse::of).toList());
	}

	@PutMapping(path = "/categories/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CategoryResponse> putCategory(@PathVariable String code, @RequestBody CategoryRequest request) {
		ManageCatalog.CategoryPut put = this.manageCatalog.putCategory(new CategoryCode(code), request.name(),
				request.inputs());
		return ResponseEntity.status(put.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(CategoryResponse.of(put.category()));
	}

	@PostMapping(path = "/products", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ProductResponse> create(@RequestBody ProductRequest request) {
		Product product = this.manageCatalog.create(request.input());
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
				.path("/{id}")
				.buildAndExpand(product.id().toString())
				.toUri())
			.body(ProductResponse.of(product));
	}

	@GetMapping("/products/{id}")
	ProductResponse product(@PathVariable String id) {
		return ProductResponse.of(this.browseCatalog.product(ProductId.parse(id)));
	}

	@PutMapping(path = "/products/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ProductResponse update(@PathVariable String id, @RequestBody ProductRequest request) {
		return ProductResponse.of(this.manageCatalog.update(ProductId.parse(id), request.input(), request.version()));
	}

	@DeleteMapping("/products/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.manageCatalog.delete(ProductId.parse(id));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/products")
	ProductPageResponse search(@RequestParam MultiValueMap<String, String> query) {
		SearchParameters parameters = SearchParameters.parse(query, true);
		return ProductPageResponse.of(this.browseCatalog.search(parameters.input(), parameters.page()));
	}

	@GetMapping("/products/facets")
	FacetsResponse facets(@RequestParam MultiValueMap<String, String> query) {
		SearchParameters parameters = SearchParameters.parse(query, false);
		return FacetsResponse.of(this.browseCatalog.facets(parameters.input()));
	}

}
