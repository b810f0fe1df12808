package io.polyglot.app.web.wallet;

import java.time.Instant;
import java.util.List;

import io.polyglot.domain.account.Account;
import io.polyglot.domain.account.LedgerEntry;
import io.polyglot.domain.account.Posting;
import io.polyglot.domain.account.Transfer;
import io.polyglot.domain.shared.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of the wallet endpoints, as API.md spells them. */
final class WalletDtos {

	private WalletDtos() {
	}

	/** {@code POST /accounts/me/deposits}. */
	record DepositRequest(@Nullable String amount) {
	}

	/** {@code POST /transfers}. */
	record TransferRequest(@Nullable String toCustomerId, @Nullable String amount) {
	}

	/** {@code GET /accounts/me}. */
	record AccountResponse(String id, String balance, String currency) {

		static AccountResponse of(Account account) {
			return new AccountResponse(account.id().toString(), account.balance().toPlainString(),
					account.balance().currency());
		}

	}

	/** A deposit's result: the new balance, plus what was booked. */
	record DepositResponse(String balance, String currency, String amount, String entryId) {

		static DepositResponse of(Posting posting) {
			return new DepositResponse(posting.after().balance().toPlainString(), posting.after().balance().currency(),
					posting.entry().amount().toPlainString(), posting.entry().id().toString());
		}

	}

	/** A transfer as booked. */
	record TransferResponse(String id, String fromAccountId, String toAccountId, String amount, String currency,
			Instant createdAt) {

		static TransferResponse of(Transfer transfer) {
			return new TransferResponse(transfer.id().toString(), transfer.from().toString(), transfer.to().toString(),
					transfer.amount().toPlainString(), transfer.amount().currency(), transfer.createdAt());
		}

	}

	/** One page of the ledger. */
	record LedgerResponse(List<Item> items, @Nullable String nextCursor) {

		static LedgerResponse of(Page<LedgerEntry> page) {
			return new LedgerResponse(page.items().stream().map(Item::of).toList(),
					(page.nextCursor() != null) ? page.nextCursor().value() : null);
		}

		/** One ledger entry; named for the OpenAPI document (each page has an Item). */
		@Schema(name = "LedgerEntry")
		record Item(String id, String amount, String balanceAfter, String currency, String kind, String reference,
				Instant createdAt) {

			static Item of(LedgerEntry entry) {
				return new Item(entry.id().toString(), entry.amount().toPlainString(),
						entry.balanceAfter().toPlainString(), entry.amount().currency(), entry.kind().name(),
						entry.reference().toString(), entry.createdAt());
			}

		}

	}

}
