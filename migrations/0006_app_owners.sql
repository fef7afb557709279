-- App owners: the people responsible for an app. A member with the app-owner role sees only the apps
-- whose owners include their email; an app-owner API token acts for one such email.
create table app_owners (
  app_id bigint not null references apps (id) on delete cascade,
  email text not null,
  primary key (app_id, email)
);
create index app_owners_email_idx on app_owners (email);

alter table api_tokens add column acts_for_email text;
alter table api_tokens add constraint api_tokens_app_owner_email check (role <> 'app-owner' or acts_for_email is not null);
