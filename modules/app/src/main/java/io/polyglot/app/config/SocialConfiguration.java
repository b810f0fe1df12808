package io.polyglot.app.config;

import io.polyglot.domain.account.Customers;
import io.polyglot.domain.order.Orders;
import io.polyglot.domain.outbox.Outbox;
import io.polyglot.domain.shared.Clock;
import io.polyglot.domain.shared.Transactions;
import io.polyglot.domain.social.ChangeFriendship;
import io.polyglot.domain.social.FindPath;
import io.polyglot.domain.social.ListFriends;
import io.polyglot.domain.social.PersonProjection;
import io.polyglot.domain.social.RecommendProducts;
import io.polyglot.domain.social.SocialGraph;
import io.polyglot.domain.social.SuggestFriends;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The social graph use cases, the product recommendations composed from the graph and the
 * orders, and the projection of registrations into the graph that the outbox relay
 * delivers to (as the event consumer named "social-graph").
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SocialProperties.class)
public class SocialConfiguration {

	@Bean
	RecommendProducts recommendProducts(SocialGraph graph, Orders orders) {
		return new RecommendProducts(graph, orders);
	}

	@Bean
	PersonProjection personProjection(SocialGraph graph) {
		return new PersonProjection(graph);
	}

	@Bean
	ChangeFriendship changeFriendship(SocialGraph graph, Customers customers, Outbox outbox, Transactions transactions,
			Clock clock) {
		return new ChangeFriendship(graph, customers, outbox, transactions, clock);
	}

	@Bean
	ListFriends listFriends(SocialGraph graph) {
		return new ListFriends(graph);
	}

	@Bean
	SuggestFriends suggestFriends(SocialGraph graph, SocialProperties properties) {
		return new SuggestFriends(graph, properties.defaultSuggestions());
	}

	@Bean
	FindPath findPath(SocialGraph graph, Customers customers) {
		return new FindPath(graph, customers);
	}

}
