package io.polyglot.adapter.mongodb;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.polyglot.domain.demo.TransferPlayground;
import org.bson.Document;

/**
 * Demo 6's counter-example in MongoDB: a transfer as two separate writes with no
 * transaction around them (mongo-java-server has none; many document-store deployments
 * run without), reading the balances first and writing them back.
 */
final class MongoTransfers implements TransferPlayground {

	private static final String COLLECTION = "bank_accounts";

	private final MongoDemoDatabase demo;

	MongoTransfers(MongoDemoDatabase demo) {
		this.demo = demo;
	}

	@Override
	public String store() {
		return MongoDemoDatabase.STORE;
	}

	@Override
	public boolean transactional() {
		return false;
	}

	@Override
	public List<String> statements() {
		return List.of("db.bank_accounts.findOne({_id: from})", "db.bank_accounts.findOne({_id: to})",
				"db.bank_accounts.updateOne({_id: from}, {$set: {balance: fromBalance - amount}})",
				"// a failure may be injected here: nothing undoes the debit",
				"db.bank_accounts.updateOne({_id: to}, {$set: {balance: toBalance + amount}})");
	}

	private MongoCollection<Document> accounts() {
		return this.demo.database.getCollection(COLLECTION);
	}

	@Override
	public void open(int accounts, long cents) {
		MongoCalls.run(() -> {
			accounts().drop();
			List<Document> documents = new ArrayList<>();
			for (int id = 1; id <= accounts; id++) {
				documents.add(new Document("_id", id).append("balance", cents));
			}
			accounts().insertMany(documents);
		});
	}

	@Override
	public void transfer(int from, int to, long cents, Runnable betweenDebitAndCredit) {
		MongoCalls.run(() -> {
			MongoCollection<Document> accounts = accounts();
			long fromBalance = balance(accounts, from);
			long toBalance = balance(accounts, to);
			accounts.updateOne(Filters.eq("_id", from), Updates.set("balance", fromBalance - cents));
			betweenDebitAndCredit.run();
			accounts.updateOne(Filters.eq("_id", to), Updates.set("balance", toBalance + cents));
		});
	}

	private static long balance(MongoCollection<Document> accounts, int id) {
		Document account = accounts.find(Filters.eq("_id", id)).first();
		return (account != null) ? ((Number) account.get("balance")).longValue() : 0L;
	}

	@Override
	public long total() {
		return MongoCalls.call(() -> {
			long total = 0;
			for (Document account : accounts().find()) {
				total += ((Number) account.get("balance")).longValue();
			}
			return total;
		});
	}

	@Override
	public void reset() {
		MongoCalls.run(() -> accounts().drop());
	}

}
