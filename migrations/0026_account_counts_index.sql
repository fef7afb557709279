-- The apps list counts each app's accounts (not removed, active) on every page: with the state in the index
-- the counts are read from the index alone, not from 150 scattered account rows per app.
create index accounts_app_state_idx on accounts (app_id) include (removed_at, status);
