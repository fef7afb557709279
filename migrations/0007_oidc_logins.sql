-- Sign-ins through OpenID Connect in progress: the PKCE verifier and nonce stay on the server, keyed by
-- the state sent to the provider and bound to the browser that started the sign-in. Usable once.
create table oidc_logins (
  state_hash text primary key,
  browser_hash text not null,
  code_verifier text not null,
  nonce text not null,
  created_at timestamptz not null default now(),
  used_at timestamptz
);
