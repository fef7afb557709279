-- Expenses: lines from card, expense-report and accounts-payable exports, matched to apps.
-- Expense sources are rows of `sources` (kinds with the `expenses` capability); their lines arrive through
-- the sync engine like any other record and are never removed by a later run: an export covers a period,
-- so a line missing from the next export is not a refund.

-- The organisation's currency: every figure is shown in it. Lines in other currencies convert through
-- exchange_rates.
alter table organisation_settings add column currency text not null default 'USD'
  check (currency ~ '^[A-Z]{3}$');

-- Units of the organisation's currency per unit of `currency`, from `date`; the latest rate on or before
-- a line's date applies. Imported by an admin (no rates are fetched at run time).
create table exchange_rates (
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  date date not null,
  rate numeric(24, 12) not null check (rate > 0),
  imported_at timestamptz not null default now(),
  primary key (currency, date)
);

-- What one import (a file, a pull, a pushed batch) brought: recognises a re-upload of the same file.
create table expense_imports (
  id bigint generated always as identity primary key,
  source_id bigint not null references sources (id) on delete cascade,
  run_id bigint references sync_runs (id) on delete set null,
  -- sha256 of the uploaded file's bytes; null for pulls and pushes.
  content_sha256 text,
  file_name text,
  lines integer not null default 0,
  first_date date,
  last_date date,
  created_at timestamptz not null default now()
);
create index expense_imports_source_idx on expense_imports (source_id, id desc);
create index expense_imports_file_idx on expense_imports (source_id, content_sha256) where content_sha256 is not null;

-- The cards and GL accounts each source's lines were paid from. An excluded account's lines count in no figure.
create table expense_accounts (
  source_id bigint not null references sources (id) on delete cascade,
  account text not null,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  excluded_at timestamptz,
  excluded_by text,
  primary key (source_id, account)
);

-- One row per distinct vendor and description, so matching runs once per descriptor, not once per line:
-- a year of card lines holds far fewer descriptors than lines. The match is recomputed when rules change.
create table expense_descriptors (
  id bigint generated always as identity primary key,
  vendor text not null,
  description text not null,
  -- The descriptor after removing processor prefixes, phone and reference numbers, places.
  normalised text not null,
  app_id bigint references apps (id) on delete set null,
  -- How the app was found: 'rule' (match_rule_id), 'automatic' (match_alias), or null when unmatched.
  match_kind text check (match_kind in ('rule', 'automatic')),
  match_rule_id bigint,
  match_alias text,
  -- An ignore rule dropped it (match_rule_id names the rule).
  ignored boolean not null default false,
  -- Apps it matched equally (left unmatched) or closest catalog apps: [{ catalogId, name, reason }].
  suggestions jsonb not null default '[]',
  matched_at timestamptz
);
create unique index expense_descriptors_key on expense_descriptors (vendor, description);

-- Match and Ignore rules, applied in priority order (lower first) to past and future lines.
create table expense_rules (
  id bigint generated always as identity primary key,
  action text not null check (action in ('match', 'ignore')),
  app_id bigint references apps (id) on delete cascade,
  field text not null check (field in ('vendor', 'description')),
  op text not null check (op in ('contains', 'equals', 'regex')),
  value text not null check (length(value) between 1 and 500),
  priority integer not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  check ((action = 'match') = (app_id is not null))
);
create index expense_rules_priority_idx on expense_rules (priority, id);

-- accounts-style table: only the sync engine and the derivation steps write it, from joins, so no
-- foreign keys (per-row checks would dominate a million-line import).
create table expense_lines (
  id bigint generated always as identity primary key,
  source_id bigint not null,
  -- The export's own id, or one derived from the line's fields and its occurrence in the file, so the
  -- same export uploaded again (or an overlapping one) adds nothing, while identical lines in one file stay
  -- separate purchases.
  external_id text not null,
  first_import_id bigint not null,
  date date not null,
  amount numeric(18, 4) not null,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  descriptor_id bigint not null,
  report_id text,
  item_type text not null check (item_type in ('main', 'line')),
  account text not null default '',
  employee_email text,
  created_at timestamptz not null default now(),
  -- Derived, in the organisation's currency; null while no rate covers the line (counted in no total).
  amount_converted numeric(18, 4),
  -- The line's account is excluded.
  excluded boolean not null default false,
  -- False when the source counts the other kind of item of the line's report (main vs line items).
  counted_item boolean not null default true,
  -- An admin's choice for this one line, over any rule or automatic match.
  manual_app_id bigint,
  manual_by text,
  manual_at timestamptz,
  -- The line's app: manual_app_id, else its descriptor's app (kept here for the set-based figures).
  app_id bigint,
  ignored boolean not null default false,
  -- The same purchase seen by another source (same date, amount, currency and app): the line counted.
  duplicate_of bigint,
  status text generated always as (
    case
      when excluded then 'excluded'
      when not counted_item then 'itemised'
      when ignored and manual_app_id is null then 'ignored'
      when duplicate_of is not null then 'duplicate'
      when app_id is not null then 'matched'
      else 'unmatched'
    end
  ) stored,
  unique (source_id, external_id)
);
create index expense_lines_descriptor_idx on expense_lines (descriptor_id);
create index expense_lines_app_idx on expense_lines (app_id, date) where app_id is not null;
create index expense_lines_date_idx on expense_lines (date);
create index expense_lines_report_idx on expense_lines (source_id, report_id) where report_id is not null;
create index expense_lines_employee_idx on expense_lines (lower(employee_email)) where employee_email is not null;

create unlogged table staged_expense_lines (
  run_id bigint not null,
  seq integer not null,
  external_id text not null,
  date date not null,
  amount numeric(18, 4) not null,
  currency text not null,
  vendor text not null,
  description text not null,
  report_id text,
  item_type text not null,
  account text not null,
  employee_email text
);
create index staged_expense_lines_run_idx on staged_expense_lines (run_id);
