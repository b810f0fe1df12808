package io.polyglot.app.web.wallet;

import io.polyglot.app.security.SessionPrincipal;
import io.polyglot.app.web.IdempotentResponses;
import io.polyglot.app.web.wallet.WalletDtos.AccountResponse;
import io.polyglot.app.web.wallet.WalletDtos.DepositRequest;
import io.polyglot.app.web.wallet.WalletDtos.DepositResponse;
import io.polyglot.app.web.wallet.WalletDtos.LedgerResponse;
import io.polyglot.app.web.wallet.WalletDtos.TransferRequest;
import io.polyglot.app.web.wallet.WalletDtos.TransferResponse;
import io.polyglot.domain.account.Amounts;
import io.polyglot.domain.account.DepositMoney;
import io.polyglot.domain.account.TransferMoney;
import io.polyglot.domain.account.ViewAccount;
import io.polyglot.domain.idempotency.IdempotencyKey;
import io.polyglot.domain.shared.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's wallet account, deposits, transfers and ledger. */
@RestController
@RequestMapping("/api/v1")
public class WalletController {

	private final ViewAccount viewAccount;

	private final DepositMoney depositMoney;

	private final TransferMoney transferMoney;

	private final Amounts amounts;

	private final IdempotentResponses idempotent;

	public WalletController(ViewAccount viewAccount, DepositMoney depositMoney, TransferMoney transferMoney,
			Amounts amounts, IdempotentResponses idempotent) {
		this.amounts = amounts;
		this.viewAccount = viewAccount;
		this.depositMoney = depositMoney;
		this.transferMoney = transferMoney;
		this.idempotent = idempotent;
	}

	@GetMapping("/accounts/me")
	AccountResponse account(@AuthenticationPrincipal SessionPrincipal caller) {
		return AccountResponse.of(this.viewAccount.accountOf(caller.customerId()));
	}

	@PostMapping(path = "/accounts/me/deposits", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> deposit(@AuthenticationPrincipal SessionPrincipal caller,
			@RequestHeader(name = IdempotencyKey.HEADER, required = false) @Nullable String key,
			@RequestBody DepositRequest request) {
		return this.idempotent.once(caller.customerId(), key, "POST /accounts/me/deposits", request, HttpStatus.CREATED,
				() -> DepositResponse.of(this.depositMoney.deposit(caller.customerId(),
						this.amounts.parse("amount", request.amount()))));
	}

	@PostMapping(path = "/transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> transfer(@AuthenticationPrincipal SessionPrincipal caller,
			@RequestHeader(name = IdempotencyKey.HEADER, required = false) @Nullable String key,
			@RequestBody TransferRequest request) {
		return this.idempotent.once(caller.customerId(), key, "POST /transfers", request, HttpStatus.CREATED,
				() -> TransferResponse.of(this.transferMoney.transfer(caller.customerId(),
						TransferMoney.Command.parse(this.amounts, request.toCustomerId(), request.amount()))));
	}

	@GetMapping("/accounts/me/ledger")
	LedgerResponse ledger(@AuthenticationPrincipal SessionPrincipal caller,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return LedgerResponse.of(this.viewAccount.ledger(caller.customerId(), PageRequest.of(limit, cursor)));
	}

}
