package io.polyglot.app.demos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.polyglot.domain.demo.ArchitectureDemos;
import io.polyglot.domain.demo.DemoRun;
import io.polyglot.domain.demo.StoreChoice;
import io.polyglot.domain.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The architecture demos' endpoints: each runs one demo on the demo data of the real
 * stores and answers the statements sent, their results and times, the figures and the
 * explanation. A store that is down answers 503 for the demos that need it only.
 */
@RestController
@ConditionalOnBooleanProperty("polyglot.demos.enabled")
@RequestMapping("/api/v1/demos")
public class DemosController {

	private final ArchitectureDemos demos;

	private final StoreMap storeMap;

	private final DemoProperties properties;

	DemosController(ArchitectureDemos demos, StoreMap storeMap, DemoProperties properties) {
		this.demos = demos;
		this.storeMap = storeMap;
		this.properties = properties;
	}

	/** Demo 1: constraints refusing bad rows vs a document store accepting them. */
	@PostMapping("/integrity")
	DemoRun integrity() {
		return this.demos.integrity();
	}

	/** Demo 2: one customer with their orders, JOIN vs embedded document. */
	@PostMapping("/documents")
	DemoRun documents() {
		return this.demos.customerWithOrders();
	}

	/** Demo 2: renaming a product that is copied into many documents. */
	@PostMapping("/documents/rename")
	DemoRun rename(@RequestBody RenameRequest request) {
		return this.demos.renameProduct(request.name());
	}

	/** Demo 3: a session under its key with a TTL. */
	@PostMapping("/sessions")
	DemoRun startSession(@RequestBody(required = false) @Nullable SessionRequest request) {
		Integer ttl = (request != null) ? request.ttlSeconds() : null;
		return this.demos.startSession((ttl != null) ? ttl : 5);
	}

	/** Demo 3: reading the session back by key. */
	@GetMapping("/sessions/{token}")
	DemoRun readSession(@PathVariable String token) {
		return this.demos.readSession(token);
	}

	/**
	 * Demo 3: sessions of customers in a country, by scan and by self-maintained index.
	 */
	@GetMapping("/sessions")
	DemoRun sessionsIn(@RequestParam(defaultValue = "ES") String country) {
		return this.demos.sessionsIn(country);
	}

	/** Demo 4: a time-range read over (stream, day) partitions. */
	@PostMapping("/partitions")
	DemoRun partitions(@RequestBody(required = false) @Nullable PartitionsRequest request) {
		String stream = (request != null && request.stream() != null) ? request.stream() : "account:demo-1";
		Integer days = (request != null) ? request.days() : null;
		return this.demos.partitions(stream, (days != null) ? days : 3);
	}

	/** Demo 5: friends-of-friends by depth, Cypher vs recursive SQL. */
	@PostMapping("/graph")
	DemoRun graph(@RequestBody(required = false) @Nullable GraphRequest request) {
		Integer depth = (request != null) ? request.maxDepth() : null;
		Integer person = (request != null) ? request.person() : null;
		return this.demos.friendsOfFriends((depth != null) ? depth : 4, (person != null) ? person : 1);
	}

	/** Demo 6: concurrent transfers with an injected failure, ACID vs no transaction. */
	@PostMapping("/transfers")
	DemoRun transfers(@RequestBody(required = false) @Nullable TransfersRequest request) {
		Integer count = (request != null) ? request.transfers() : null;
		Integer threads = (request != null) ? request.threads() : null;
		Integer failEvery = (request != null) ? request.failEvery() : null;
		return this.demos.transfers((count != null) ? count : 200, (threads != null) ? threads : 8,
				(failEvery != null) ? failEvery : 10);
	}

	/** Demo 6: a committed transfer reaches the event log after the relay. */
	@PostMapping("/eventual")
	DemoRun eventual(@RequestBody(required = false) @Nullable EventualRequest request) {
		Integer pause = (request != null) ? request.relayPauseMillis() : null;
		return this.demos.eventualConsistency((pause != null) ? pause : 1000);
	}

	/** Demo 7: a query before and after an index. */
	@PostMapping("/index")
	DemoRun index() {
		return this.demos.index();
	}

	/** Demo 8: the selection questions, and the benchmark report when there is one. */
	@GetMapping("/choice")
	Map<String, Object> choice() {
		Map<String, Object> answer = new LinkedHashMap<>();
		List<StoreChoice.Question> questions = this.demos.questions();
		answer.put("questions", questions);
		boolean report = Files.isRegularFile(this.properties.benchReport());
		answer.put("benchmarkReport", report ? "/api/v1/demos/benchmark-report" : null);
		answer.put("benchmarkReportHint", report ? null
				: "No benchmark report yet: run scripts/bench, it writes " + this.properties.benchReport());
		return answer;
	}

	/** The latest benchmark report, as the benchmark runner wrote it. */
	@GetMapping(path = "/benchmark-report", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<byte[]> benchmarkReport() throws IOException {
		Path report = this.properties.benchReport();
		if (!Files.isRegularFile(report)) {
			throw new NotFoundException("No benchmark report at " + report + "; run scripts/bench first.");
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(Files.readAllBytes(report));
	}

	/** The live store map: health, implementation, ops/s and p99 per store; backlog. */
	@GetMapping("/store-map")
	Map<String, Object> storeMap() {
		return this.storeMap.now();
	}

	/** Drops every store's demo data; the next run seeds it again. */
	@PostMapping("/reset")
	Map<String, Object> reset() {
		return Map.of("stores", this.demos.reset());
	}

	/** Body of the rename demo. */
	record RenameRequest(String name) {
	}

	/** Body of the session demo. */
	record SessionRequest(@Nullable Integer ttlSeconds) {
	}

	/** Body of the partitions demo. */
	record PartitionsRequest(@Nullable String stream, @Nullable Integer days) {
	}

	/** Body of the graph demo. */
	record GraphRequest(@Nullable Integer maxDepth, @Nullable Integer person) {
	}

	/** Body of the transfers demo. */
	record TransfersRequest(@Nullable Integer transfers, @Nullable Integer threads, @Nullable Integer failEvery) {
	}

	/** Body of the eventual consistency demo. */
	record EventualRequest(@Nullable Integer relayPauseMillis) {
	}

}
