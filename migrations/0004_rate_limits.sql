-- Fixed-window counters for rate limits (sign-in links, first-admin setup), kept in Postgres so that
-- every Roster process sharing a server counts together.
create table rate_limits (
  key text primary key,
  window_started_at timestamptz not null,
  hits integer not null
);
