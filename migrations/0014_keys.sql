-- The key check: a known value sealed with the key the credentials are sealed with, and that key's id.
-- Every process opening the database opens it first, so a process with another key is refused at start
-- (before it could seal anything the others cannot read). One row; `roster secrets rotate` replaces it
-- in the same transaction that re-seals the credentials.
create table key_check (
  id integer primary key default 1 check (id = 1),
  key_id text not null,
  sealed text not null,
  updated_at timestamptz not null default now()
);
