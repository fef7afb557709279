-- When the credential a source signs in with expires, as its provider last told during a sync (an Entra
-- app registration's client secret). Null when the provider tells nothing or refuses the read. Source
-- health warns 30 and 7 days before it (src/sync/source-health.ts).
alter table sources add column credential_expires_at timestamptz;
