package io.polyglot.domain.account;

import java.util.Set;

import io.polyglot.domain.account.AccountEvent.DepositMade;
import io.polyglot.domain.account.AccountEvent.Direction;
import io.polyglot.domain.account.AccountEvent.MoneyTransferred;
import io.polyglot.domain.eventlog.EventCodec;

/**
 * The stored form of {@link AccountEvent}s: amounts with two decimals and their currency;
 * the owner is the stream's, not a payload field.
 */
public final class AccountEventCodec implements EventCodec<AccountEvent> {

	private static final String DEPOSIT_MADE = "DepositMade";

	private static final String MONEY_TRANSFERRED = "MoneyTransferred";

	@Override
	public Class<AccountEvent> kind() {
		return AccountEvent.class;
	}

	@Override
	public Set<String> types() {
		return Set.of(DEPOSIT_MADE, MONEY_TRANSFERRED);
	}

	@Override
	public String write(AccountEvent event, PayloadWriter out) {
		if (event instanceof DepositMade deposit) {
			out.put("accountId", deposit.accountId())
				.put("amount", deposit.amount().toPlainString())
				.put("currency", deposit.amount().currency())
				.put("balance", deposit.balance().toPlainString())
				.put("entryId", deposit.entryId());
			return DEPOSIT_MADE;
		}
		MoneyTransferred transfer = (MoneyTransferred) event;
		out.put("transferId", transfer.transferId())
			.put("fromAccountId", transfer.fromAccountId())
			.put("toAccountId", transfer.toAccountId())
			.put("amount", transfer.amount().toPlainString())
			.put("currency", transfer.amount().currency())
			.put("direction", (transfer.direction() == Direction.OUT) ? "out" : "in");
		return MONEY_TRANSFERRED;
	}

	@Override
	public AccountEvent read(PayloadReader in) {
		if (DEPOSIT_MADE.equals(in.type())) {
			return new DepositMade(new AccountId(in.uuid("accountId")), in.owner(), in.money("amount"),
					in.money("balance"), in.uuid("entryId"));
		}
		return new MoneyTransferred(in.uuid("transferId"), new AccountId(in.uuid("fromAccountId")),
				new AccountId(in.uuid("toAccountId")), in.money("amount"), direction(in), in.owner());
	}

	private static Direction direction(PayloadReader in) {
		String direction = in.text("direction");
		if ("out".equals(direction)) {
			return Direction.OUT;
		}
		if ("in".equals(direction)) {
			return Direction.IN;
		}
		throw in.malformed("direction must be out or in");
	}

}
