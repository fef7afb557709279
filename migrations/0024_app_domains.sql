-- Domains the organisation gives its own apps (an intranet, a tool the catalog lacks, its own tenant of a
-- catalog app): published to the browser extension beside the catalog's. A domain belongs to one app.
create table app_domains (
  domain text primary key,
  app_id bigint not null references apps (id) on delete cascade
);
create index app_domains_app_idx on app_domains (app_id);
