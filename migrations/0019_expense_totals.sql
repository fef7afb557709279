-- Expense figures read totals kept per app, month and status rather than summing every line: a summary
-- over a million lines must answer in well under a second on the embedded database too. Rewritten as a
-- whole at the end of every derivation of expense lines (src/modules/expenses/expense-totals.ts), in the
-- same transaction, so it never disagrees with the lines.
create table expense_line_totals (
  -- null for lines matched to no app.
  app_id bigint,
  month date not null,
  status text not null,
  -- False for lines no rate converts (amount_converted null): counted in no total, only in `lines`.
  converted boolean not null,
  lines integer not null,
  -- Sum of amount_converted, in the organisation's currency (0 when not converted).
  amount numeric(20, 4) not null,
  first_date date not null,
  last_date date not null
);
create index expense_line_totals_app_idx on expense_line_totals (app_id, month);

-- The unmatched list reads biggest first, a page at a time (src/modules/expenses/expense-lines.repo.ts).
create index expense_lines_unmatched_idx on expense_lines (coalesce(amount_converted, -1) desc, id desc)
  where status = 'unmatched';
