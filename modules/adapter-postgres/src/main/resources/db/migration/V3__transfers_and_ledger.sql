-- Transfers and the double-entry ledger. A transfer writes one debit entry and one credit
-- entry that sum to zero, each with the balance it left, in the same transaction as the
-- two balance updates (see docs/adr/0003-row-locks-for-money.md).

CREATE TABLE transfers (
    id              uuid          PRIMARY KEY,
    from_account_id uuid          NOT NULL CONSTRAINT transfers_from_account_fkey REFERENCES accounts (id),
    to_account_id   uuid          NOT NULL CONSTRAINT transfers_to_account_fkey REFERENCES accounts (id),
    amount          numeric(19,2) NOT NULL CONSTRAINT transfers_amount_positive CHECK (amount > 0),
    currency        char(3)       NOT NULL,
    created_at      timestamptz   NOT NULL,
    CONSTRAINT transfers_two_accounts CHECK (from_account_id <> to_account_id)
);

CREATE TABLE ledger_entries (
    -- Insertion order: the ledger is read newest first and paged by this key, which
    -- unlike created_at never ties.
    seq           bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            uuid          NOT NULL CONSTRAINT ledger_entries_id_key UNIQUE,
    account_id    uuid          NOT NULL CONSTRAINT ledger_entries_account_fkey REFERENCES accounts (id),
    -- Signed: credits positive, debits negative; never zero.
    amount        numeric(19,2) NOT NULL CONSTRAINT ledger_entries_amount_non_zero CHECK (amount <> 0),
    balance_after numeric(19,2) NOT NULL CONSTRAINT ledger_entries_balance_non_negative CHECK (balance_after >= 0),
    kind          varchar(16)   NOT NULL CONSTRAINT ledger_entries_kind
                  CHECK (kind IN ('DEPOSIT', 'TRANSFER_OUT', 'TRANSFER_IN', 'ORDER_PAYMENT', 'ORDER_REFUND')),
    -- The transfer, deposit entry or order that caused the movement.
    reference     uuid          NOT NULL,
    created_at    timestamptz   NOT NULL
);

-- Serves GET /accounts/me/ledger: one account's entries, newest first, keyset-paged.
CREATE INDEX ledger_entries_account_seq ON ledger_entries (account_id, seq DESC);
-- Finds both halves of a transfer (and an order's payment and refund).
CREATE INDEX ledger_entries_reference ON ledger_entries (reference);
