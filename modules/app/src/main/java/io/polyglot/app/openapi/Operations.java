package io.polyglot.app.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

import io.polyglot.app.openapi.ApiOperation.Access;

import static io.polyglot.app.openapi.ApiOperation.of;

/**
 * The contract of every operation: id, tag, summary, access and the statuses it answers.
 */
final class Operations {

	private static final Map<String, ApiOperation> ALL = new LinkedHashMap<>();

	static {
		String v1 = "/api/v1";
		put("POST", v1 + "/customers",
				of("registerCustomer", "Customers", "Register a customer", Access.PUBLIC, 201, 409));
		put("GET", v1 + "/me", of("getMe", "Customers", "The signed-in customer", Access.USER, 200));
		put("POST", v1 + "/sessions",
				of("startSession", "Sessions", "Start a session (log in)", Access.PUBLIC, 201, 401, 429));
		put("GET", v1 + "/sessions", of("listSessions", "Sessions", "The caller's live sessions", Access.USER, 200));
		put("DELETE", v1 + "/sessions/current",
				of("endCurrentSession", "Sessions", "End this session (log out)", Access.USER, 204));
		put("DELETE", v1 + "/sessions",
				of("endAllSessions", "Sessions", "End every session of the caller", Access.USER, 204));
		put("GET", v1 + "/accounts/me", of("getAccount", "Wallet", "The caller's wallet account", Access.USER, 200));
		put("POST", v1 + "/accounts/me/deposits",
				of("deposit", "Wallet", "Deposit money", Access.USER, 201, 409, 422).withIdempotencyKey());
		put("POST", v1 + "/transfers",
				of("transfer", "Wallet", "Transfer money to another customer", Access.USER, 201, 404, 409, 422)
					.withIdempotencyKey());
		put("GET", v1 + "/accounts/me/ledger",
				of("listLedger", "Wallet", "The caller's ledger, newest first", Access.USER, 200));
		put("GET", v1 + "/categories",
				of("listCategories", "Catalog", "Every category and its attributes", Access.PUBLIC, 200));
		put("PUT", v1 + "/categories/{code}",
				of("putCategory", "Catalog", "Create or replace a category", Access.ADMIN, 200, 409).withCreatedToo());
		put("POST", v1 + "/products", of("createProduct", "Catalog", "Create a product", Access.ADMIN, 201, 409));
		put("GET", v1 + "/products/{id}", of("getProduct", "Catalog", "One product", Access.PUBLIC, 200, 404));
		put("PUT", v1 + "/products/{id}", of("updateProduct", "Catalog",
				"Replace a product (optimistic: send its version)", Access.ADMIN, 200, 404, 409));
		put("DELETE", v1 + "/products/{id}",
				of("deleteProduct", "Catalog", "Delete a product without open orders", Access.ADMIN, 204, 404, 409));
		put("GET", v1 + "/products", of("searchProducts", "Catalog", "Search products", Access.PUBLIC, 200));
		put("GET", v1 + "/products/facets",
				of("productFacets", "Catalog", "Attribute value counts of a category", Access.PUBLIC, 200));
		put("POST", v1 + "/orders",
				of("placeOrder", "Orders", "Place an order (reserves stock)", Access.USER, 201, 404, 409, 422)
					.withIdempotencyKey());
		put("GET", v1 + "/orders", of("listOrders", "Orders", "The caller's orders, newest first", Access.USER, 200));
		put("GET", v1 + "/orders/{id}", of("getOrder", "Orders", "One order (owner or admin)", Access.USER, 200, 404));
		put("POST", v1 + "/orders/{id}/payment",
				of("payOrder", "Orders", "Pay a pending order from the wallet", Access.USER, 200, 404, 409, 422));
		put("POST", v1 + "/orders/{id}/cancellation",
				of("cancelOrder", "Orders", "Cancel an order (refunds a paid one)", Access.USER, 200, 404, 409));
		put("POST", v1 + "/orders/{id}/shipment",
				of("shipOrder", "Orders", "Ship a paid order", Access.ADMIN, 200, 404, 409));
		put("GET", v1 + "/admin/reconciliation",
				of("reconcileStock", "Admin", "Check that stock held by orders adds up", Access.ADMIN, 200));
		put("POST", v1 + "/admin/reconciliation/repair", of("repairStock", "Admin",
				"Re-derive the catalog's stock holds from the orders of record", Access.ADMIN, 200));
		put("PUT", v1 + "/friends/{customerId}",
				of("addFriend", "Social", "Befriend a customer (symmetric)", Access.USER, 204, 404, 409, 422));
		put("DELETE", v1 + "/friends/{customerId}",
				of("removeFriend", "Social", "End a friendship", Access.USER, 204, 404, 409, 422));
		put("GET", v1 + "/friends", of("listFriends", "Social", "The caller's friends", Access.USER, 200));
		put("GET", v1 + "/friends/suggestions",
				of("suggestFriends", "Social", "Friends of friends, most mutual first", Access.USER, 200));
		put("GET", v1 + "/customers/{id}/path",
				of("findPath", "Social", "Shortest friendship path to another customer", Access.USER, 200, 404, 409));
		put("GET", v1 + "/recommendations/products",
				of("recommendProducts", "Social", "Products the caller's friends bought", Access.USER, 200));
		put("GET", v1 + "/events",
				of("readEvents", "Events", "Events of one stream (owner or admin)", Access.USER, 200, 403, 404));
		put("GET", v1 + "/me/activity", of("readActivity", "Events",
				"The caller's timeline across their customer, account and order streams", Access.USER, 200));
	}

	private Operations() {
	}

	private static void put(String method, String path, ApiOperation operation) {
		ALL.put(method + " " + path, operation);
	}

	/**
	 * The contract of the operation; an operation not listed (the demos) gets one from
	 * its path, so the document never lacks an id, summary, security or error responses.
	 * A demo also answers 403 (admin-only demos and a customer's token) and 404 (demos
	 * switched off: every demo path is unknown then).
	 */
	static ApiOperation find(String method, String path) {
		ApiOperation known = ALL.get(method + " " + path);
		if (known != null) {
			return known;
		}
		String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("[{}]", "");
		String id = method.toLowerCase(java.util.Locale.ROOT) + "Demo" + Character.toUpperCase(last.charAt(0))
				+ last.substring(1).replaceAll("-(.)", "$1");
		boolean demo = path.startsWith("/api/v1/demos");
		if (demo) {
			return of(id, "Demos", "Demo: " + last.replace('-', ' '), Access.USER, 200, 403, 404);
		}
		return of(id, "Admin", last.replace('-', ' '), Access.USER, 200);
	}

}
