-- The browser extension: its tokens, the batches it sent, and what it reported, aggregated per person, app
-- and day so storage grows with people × apps, never with visits.

-- A reporting token is bound to one person's email and may call only the extension's routes; an enrollment
-- token (no email) lets an extension in unauthenticated mode get a reporting token for its browser profile's
-- email. Both are stored as SHA-256 hashes, revoked rather than deleted.
create table extension_tokens (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('reporting', 'enrollment')),
  email text,
  token_hash text not null unique,
  -- How it was issued: by an admin, through the connect page (one-time link or single sign-on), or by enrolling.
  issued_via text not null check (issued_via in ('admin', 'link', 'sso', 'enrollment')),
  created_by text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  check ((kind = 'reporting') = (email is not null))
);
create index extension_tokens_email_idx on extension_tokens (email) where revoked_at is null;

-- Batches already counted: a batch sent again (the extension retries when it hears no answer) counts once.
create table extension_batches (
  batch_id uuid primary key,
  token_id bigint not null,
  accepted integer not null,
  received_at timestamptz not null default now()
);

-- What the extension reported, per email, app (as Roster published it) and day (UTC).
create table extension_activity (
  email text not null,
  app_name text not null,
  day date not null,
  visits integer not null default 0,
  sign_ins integer not null default 0,
  sign_ups integer not null default 0,
  -- The latest visit or sign-in (real use); null when the day saw only sign-ups.
  last_used_at timestamptz,
  last_activity_at timestamptz not null,
  primary key (email, app_name, day)
);

-- One-time links of the connect page: the email they were sent to and where the extension waits for its token.
create table extension_connect_links (
  token_hash text primary key,
  email text not null,
  return_to text not null,
  state text not null,
  created_at timestamptz not null default now(),
  used_at timestamptz
);

-- A single sign-on started from the connect page finishes by giving the extension a token, not a session.
alter table oidc_logins add column extension_return_to text, add column extension_state text;

-- The job worker asks whether batches arrived since the extension's reports were last folded into accounts.
create index extension_batches_received_idx on extension_batches (received_at);
