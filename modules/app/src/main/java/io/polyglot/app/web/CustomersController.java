package io.polyglot.app.web;

import io.polyglot.app.security.SessionPrincipal;
import io.polyglot.domain.account.Customer;
import io.polyglot.domain.account.LookUpCustomer;
import io.polyglot.domain.account.RegisterCustomer;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Registration and the caller's own customer record. */
@RestController
@RequestMapping("/api/v1")
public class CustomersController {

	private final RegisterCustomer registerCustomer;

	private final LookUpCustomer lookUpCustomer;

	public CustomersController(RegisterCustomer registerCustomer, LookUpCustomer lookUpCustomer) {
		this.registerCustomer = registerCustomer;
		this.lookUpCustomer = lookUpCustomer;
	}

	@PostMapping(path = "/customers", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CustomerResponse> register(@RequestBody RegisterCustomerRequest request) {
		Customer customer = this.registerCustomer
			.register(RegisterCustomer.Command.parse(request.username(), request.email(), request.password()));
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
				.path("/{id}")
				.buildAndExpand(customer.id().toString())
				.toUri())
			.body(CustomerResponse.of(customer));
	}

	@GetMapping("/me")
	MeResponse me(@AuthenticationPrincipal SessionPrincipal caller) {
		return MeResponse.of(this.lookUpCustomer.byId(caller.customerId()));
	}

}
