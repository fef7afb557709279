-- Moves whenever what the browser extension matches against may have changed (the organisation's apps and
-- their own domains, the catalog), so a process can keep the published list between event batches and read
-- it again only after a change. A sequence: bumping it takes no lock a concurrent writer could wait on.
create sequence published_apps_version;

create function bump_published_apps_version() returns trigger language plpgsql as $$
begin
  perform nextval('published_apps_version');
  return null;
end $$;

create trigger apps_published_apps_version after insert or update or delete or truncate on apps
  for each statement execute function bump_published_apps_version();
create trigger app_domains_published_apps_version after insert or update or delete or truncate on app_domains
  for each statement execute function bump_published_apps_version();
create trigger catalog_apps_published_apps_version after insert or update or delete or truncate on catalog_apps
  for each statement execute function bump_published_apps_version();
