-- The provider credentials workflow actions need (a Slack bot token, Jira site credentials), one sealed
-- value per action type. Never part of a workflow document, which is exported and kept in version control.
create table action_credentials (
  action_type text primary key,
  credentials_encrypted text not null,
  updated_by text not null,
  updated_at timestamptz not null default now()
);
