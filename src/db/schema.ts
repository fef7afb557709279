import type { ColumnType, Generated, RawBuilder } from 'kysely';

/** Kysely's view of the tables in migrations/. Keep in step with the SQL files. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;
type Id = Generated<number>;

/** Roles a member signs in with. */
export type MemberRole = 'admin' | 'editor' | 'read-only' | 'app-owner';
/** Roles an API token may have: a member's, or `metrics` (reads `/metrics` and nothing else). */
export type Role = MemberRole | 'metrics';
export type AccountStatus = 'active' | 'suspended' | 'deleted';
/** `held`: complete, but past the source's removal threshold, so nothing was applied (migrations/0011). */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled' | 'held' | 'discarded';

export interface OrganisationSettingsTable {
  id: Generated<number>;
  name: Generated<string>;
  domains: Generated<string[]>;
  staleness_days: Generated<number>;
  inactivity_days: Generated<number>;
  auto_offboarding: Generated<boolean>;
  /** ISO 4217 code every figure is shown in (migrations/0018). */
  currency: Generated<string>;
  employee_source_id: number | null;
  updated_at: DefaultTimestamp;
}

export interface CatalogAppsTable {
  id: string;
  name: string;
  vendor: string;
  category: string;
  domains: string[];
  expense_aliases: string[];
}

export interface SourcesTable {
  id: Id;
  kind: string;
  name: string;
  config: Json;
  credentials_encrypted: string | null;
  schedule: string | null;
  staleness_days: number | null;
  last_run_status: RunStatus | null;
  last_error_code: string | null;
  last_error_message: string | null;
  last_sync_at: Timestamp | null;
  last_success_at: Timestamp | null;
  disconnected_at: Timestamp | null;
  unavailable: ColumnType<{ capability: string; reason: string }[], string | undefined, string>;
  /** null: the default threshold; see src/sync/removal-threshold.ts. */
  removal_threshold: ColumnType<unknown, string | null | undefined, string | null>;
  /** Removals of the source's held run, while it has one. */
  held_removals: number | null;
  /** When the source's credential expires, as its provider last told during a sync (migrations/0016). */
  credential_expires_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface SyncRunsTable {
  id: Id;
  source_id: number;
  status: RunStatus;
  trigger: string;
  started_at: DefaultTimestamp;
  fetched_at: Timestamp | null;
  finished_at: Timestamp | null;
  pages: Generated<number>;
  records: Generated<number>;
  added: Generated<number>;
  updated: Generated<number>;
  removed: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
  counters: ColumnType<unknown, string | undefined, string>;
  error_code: string | null;
  error_message: string | null;
  error_details: ColumnType<unknown, string | null | undefined, string | null>;
  /** Which process runs it; with `lease_expires_at`, see `sync/run-lease.ts`. */
  lease_holder: string | null;
  lease_expires_at: Timestamp | null;
  heartbeat_at: Timestamp | null;
  /** A held run's removals and what applying it later needs (src/sync/held-runs.ts). */
  held: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface RawRecordsTable {
  source_id: number;
  object_type: string;
  external_id: string;
  data: Json;
  first_seen_at: DefaultTimestamp;
  last_changed_at: DefaultTimestamp;
}

export interface AppsTable {
  id: Id;
  name: string;
  catalog_id: string | null;
  inactivity_days: number | null;
  discovered_by_source_id: number | null;
  created_at: DefaultTimestamp;
}

export interface UsersTable {
  id: Id;
  email: string;
  domain: string;
  created_at: DefaultTimestamp;
}

/** One user in one app instance; its values are derived from its observations (view account_precedence). */
export interface AccountsTable {
  id: Generated<number>;
  app_id: number;
  instance_id: number;
  user_id: number;
  name: string | null;
  status: AccountStatus;
  role: string | null;
  first_seen_at: Timestamp;
  removed_at: Timestamp | null;
  last_seen_at: Timestamp | null;
}

/** One connected copy of an app that a direct source reads; `source_id` null is the unmanaged instance. */
export interface AppInstancesTable {
  id: Id;
  app_id: number;
  source_id: number | null;
  created_at: DefaultTimestamp;
}

/** What one source reported about one account. */
export interface AccountObservationsTable {
  account_id: number;
  source_id: number;
  app_id: number;
  user_id: number;
  external_id: string | null;
  name: string | null;
  status: AccountStatus;
  role: string | null;
  license_types: Generated<string[]>;
  last_used_at: Timestamp | null;
  first_seen_at: Timestamp;
  removed_at: Timestamp | null;
  last_seen_at: Timestamp | null;
}

export interface LicenseTypesTable {
  id: Id;
  app_id: number;
  source_id: number;
  name: string;
  purchased: number | null;
  price_per_user_cents: number | null;
  removed_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface AccountLicensesTable {
  account_id: number;
  license_type_id: number;
  assigned_at: DefaultTimestamp;
  removed_at: Timestamp | null;
}

/** A view over account_observations: each source's last-used date of an account. */
export interface UsageTable {
  account_id: number;
  source_id: number;
  last_used_at: Timestamp;
}

export interface EmployeesTable {
  id: Id;
  source_id: number;
  email: string;
  name: string | null;
  status: 'active' | 'terminated';
  termination_date: ColumnType<string | null, string | null, string | null>;
  personal_email: string | null;
  department: string | null;
  manager_email: string | null;
  attributes: Json;
  removed_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface AdminMembersTable {
  id: Id;
  email: string;
  role: MemberRole;
  created_at: DefaultTimestamp;
  disabled_at: Timestamp | null;
  password_hash: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: Timestamp | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
}

export interface ApiTokensTable {
  id: Id;
  name: string;
  role: Role;
  token_hash: string;
  acts_for_email: string | null;
  created_by: string;
  created_by_member_id: number | null;
  push_app_id: number | null;
  created_at: DefaultTimestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface SessionsTable {
  token_hash: string;
  member_id: number;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  last_seen_at: DefaultTimestamp;
}

export interface OneTimeTokensTable {
  token_hash: string;
  purpose: 'setup' | 'sign_in' | 'password';
  member_id: number | null;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Id;
  at: DefaultTimestamp;
  actor: string;
  action: string;
  target_type: string;
  target_id: string | null;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
}

export interface JobsTable {
  id: Id;
  kind: string;
  payload: ColumnType<unknown, string | undefined, string>;
  dedupe_key: string | null;
  status: Generated<'queued' | 'running' | 'succeeded' | 'failed'>;
  run_at: DefaultTimestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_at: Timestamp | null;
  lease_expires_at: Timestamp | null;
  heartbeat_at: Timestamp | null;
  last_error: string | null;
  created_at: DefaultTimestamp;
  finished_at: Timestamp | null;
}

export interface IdentityAliasesTable {
  source_id: number;
  primary_email: string;
  field: string;
  value: string;
  first_seen_at: DefaultTimestamp;
  removed_at: Timestamp | null;
}

export interface MergeSettingsTable {
  id: Generated<number>;
  enabled: Generated<boolean>;
  alias_sources: ColumnType<unknown, string | undefined, string>;
  applied_alias_sources: ColumnType<unknown, string | undefined, string>;
  applied_at: Timestamp | null;
  applied_by: string | null;
}

export interface PersonLinksTable {
  user_id: number;
  primary_user_id: number;
  source_id: number;
  field: string;
  raw_value: string;
  linked_at: DefaultTimestamp;
}

export interface RateLimitsTable {
  key: string;
  window_started_at: Timestamp;
  hits: number;
}

export interface AppOwnersTable {
  app_id: number;
  email: string;
}

export interface AppDomainsTable {
  domain: string;
  app_id: number;
}

export interface OidcLoginsTable {
  state_hash: string;
  browser_hash: string;
  code_verifier: string;
  nonce: string;
  created_at: DefaultTimestamp;
  used_at: Timestamp | null;
  /** Set when the connect page of the browser extension started this sign-in (migrations/0020). */
  extension_return_to: string | null;
  extension_state: string | null;
}

export interface ExtensionTokensTable {
  id: Id;
  kind: 'reporting' | 'enrollment';
  email: string | null;
  token_hash: string;
  issued_via: 'admin' | 'link' | 'sso' | 'enrollment';
  created_by: string;
  created_at: DefaultTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface ExtensionBatchesTable {
  batch_id: string;
  token_id: number;
  accepted: number;
  received_at: DefaultTimestamp;
}

export interface ExtensionActivityTable {
  email: string;
  app_name: string;
  day: string;
  visits: number;
  sign_ins: number;
  sign_ups: number;
  last_used_at: Timestamp | null;
  last_activity_at: Timestamp;
}

export interface ExtensionConnectLinksTable {
  token_hash: string;
  email: string;
  return_to: string;
  state: string;
  created_at: DefaultTimestamp;
  used_at: Timestamp | null;
}

export interface SourceDomainsTable {
  source_id: number;
  name: string;
  verified: boolean;
  first_seen_at: Timestamp;
  removed_at: Timestamp | null;
}

/** Views (migrations/0008): read-only. */
export interface ManagedDomainsView {
  name: string;
}
export interface EmployeeSourcesView {
  id: number;
}

export interface LicenseStatesTable {
  account_id: number;
  license_type_id: number;
  app_id: number;
  app: string;
  license_type: string;
  email: string;
  person_email: string;
  person_name: string | null;
  account_status: string;
  assigned_at: Timestamp;
  threshold_days: number;
  last_used_at: Timestamp | null;
  usage_source: string | null;
  usage_stale: boolean;
  future_date: boolean;
  state: 'active' | 'inactive' | 'usage_unknown';
  reason: string | null;
}
export interface LicenseStateCountsTable {
  app_id: number;
  license_type_id: number;
  state: string;
  reason: string;
  n: number;
}
/** One row: moves once per committed transaction that changed data the cached reads show (migrations/0028). */
export interface DataGenerationTable {
  id: Generated<number>;
  value: Generated<string>;
}

export interface LicenseStatesStatusTable {
  id: Generated<number>;
  computed_at: Timestamp | null;
  stale_all: Generated<boolean>;
  stale_app_ids: Generated<number[]>;
}

export interface SchemaMigrationsTable {
  version: string;
  applied_at: DefaultTimestamp;
  /** sha256 of the file as applied; null only until a Roster that records checksums first opens it. */
  checksum: string | null;
}

export interface KeyCheckTable {
  id: Generated<number>;
  key_id: string;
  sealed: string;
  updated_at: DefaultTimestamp;
}

/** Offboarding (migrations/0015). */
export type OffboardingMethodName = 'automatic' | 'ticket' | 'notify-owner' | 'manual' | 'ignore';
export interface OffboardingsTable {
  id: Id;
  user_id: number;
  status: 'in_progress' | 'completed';
  started_at: Timestamp;
  started_by: string;
  forced_reason: string | null;
  forced_by: string | null;
  completed_at: Timestamp | null;
  completed_by: string | null;
  completed_how: 'manual' | 'automatic' | null;
  reopened_at: Timestamp | null;
  reopened_by: string | null;
}
export interface OffboardingTasksTable {
  id: Id;
  offboarding_id: number;
  account_id: number;
  account_status: AccountStatus;
  method: OffboardingMethodName;
  source_id: number | null;
  action: string;
  status: 'pending' | 'in_progress' | 'done' | 'failed' | 'skipped';
  note: string | null;
  attempts: Generated<number>;
  done_by: string | null;
  done_at: Timestamp | null;
  calls: ColumnType<unknown, string | undefined, string | RawBuilder<unknown>>;
  ticket_key: string | null;
  checked_at: Timestamp | null;
  notify_token_hash: string | null;
  notified_to: string | null;
  lease_expires_at: Timestamp | null;
}
export interface OffboardingMethodsTable {
  id: Id;
  app_id: number;
  instance_id: number | null;
  method: OffboardingMethodName;
  config: ColumnType<unknown, string | undefined, string>;
  credentials_encrypted: string | null;
  updated_by: string;
  updated_at: DefaultTimestamp;
}
export interface OffboardingDriftTable {
  offboarding_id: number;
  account_id: number;
  source_id: number;
  detected_at: Timestamp;
  resolved_at: Timestamp | null;
}

/** How a line counts (migrations/0018): derived by PostgreSQL from the line's flags, never written. */
export type ExpenseLineStatus = 'excluded' | 'itemised' | 'ignored' | 'duplicate' | 'matched' | 'unmatched';

export interface ExchangeRatesTable {
  currency: string;
  date: string;
  rate: number;
  imported_at: DefaultTimestamp;
}

export interface ExpenseImportsTable {
  id: Id;
  source_id: number;
  run_id: number | null;
  content_sha256: string | null;
  /** How the file's rows were read (columns, date format, default currency): part of what recognises it. */
  read_with: ColumnType<unknown, string | null | undefined, string | null>;
  file_name: string | null;
  lines: Generated<number>;
  first_date: string | null;
  last_date: string | null;
  created_at: DefaultTimestamp;
}

export interface ExpenseAccountsTable {
  source_id: number;
  account: string;
  first_seen_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  excluded_at: Timestamp | null;
  excluded_by: string | null;
}

export interface ExpenseDescriptorsTable {
  id: Id;
  vendor: string;
  description: string;
  normalised: string;
  app_id: number | null;
  match_kind: 'rule' | 'automatic' | null;
  match_rule_id: number | null;
  match_alias: string | null;
  ignored: Generated<boolean>;
  suggestions: ColumnType<unknown, string | undefined, string>;
  matched_at: Timestamp | null;
}

export interface ExpenseRulesTable {
  id: Id;
  action: 'match' | 'ignore';
  app_id: number | null;
  field: 'vendor' | 'description';
  op: 'contains' | 'equals' | 'regex';
  value: string;
  priority: number;
  created_by: string;
  created_at: DefaultTimestamp;
}

export interface ExpenseLinesTable {
  id: Id;
  source_id: number;
  external_id: string;
  first_import_id: number;
  date: string;
  amount: number;
  currency: string;
  descriptor_id: number;
  report_id: string | null;
  item_type: 'main' | 'line';
  account: Generated<string>;
  employee_email: string | null;
  created_at: DefaultTimestamp;
  amount_converted: number | null;
  excluded: Generated<boolean>;
  counted_item: Generated<boolean>;
  manual_app_id: number | null;
  manual_by: string | null;
  manual_at: Timestamp | null;
  app_id: number | null;
  ignored: Generated<boolean>;
  duplicate_of: number | null;
  status: ColumnType<ExpenseLineStatus, never, never>;
}

/** Lines per app, month, status and conversion (migrations/0019), rewritten by every derivation. */
export interface ExpenseLineTotalsTable {
  app_id: number | null;
  month: string;
  status: ExpenseLineStatus;
  converted: boolean;
  lines: number;
  amount: number;
  first_date: string;
  last_date: string;
}

/** migrations/0021_workflows.sql */
export interface WorkflowsTable {
  id: Id;
  name: string;
  enabled: boolean;
  document: Json;
  version: number;
  credentials_encrypted: string | null;
  evaluated_at: Timestamp | null;
  created_by: string;
  created_at: DefaultTimestamp;
  updated_by: string;
  updated_at: DefaultTimestamp;
}
/** migrations/0023_workflow_action_credentials.sql */
export interface ActionCredentialsTable {
  action_type: string;
  credentials_encrypted: string;
  updated_by: string;
  updated_at: DefaultTimestamp;
}
export interface WorkflowVersionsTable {
  workflow_id: number;
  version: number;
  document: Json;
  saved_by: string;
  saved_at: Timestamp;
}
export interface WorkflowMatchesTable {
  workflow_id: number;
  entity_key: string;
  matched_at: Timestamp;
}
export interface WorkflowWatchTable {
  trigger_type: string;
  entity_key: string;
  since: Timestamp;
}
export interface WorkflowWatchSeededTable {
  trigger_type: string;
  seeded_at: Timestamp;
}
export interface WorkflowRunsTable {
  id: Id;
  workflow_id: number;
  workflow_version: number;
  idempotency_key: string;
  trigger: Json;
  entity_key: string | null;
  entity: Json;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  steps: ColumnType<unknown, string | undefined, string>;
  error: string | null;
  attempts: Generated<number>;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  lease_expires_at: Timestamp | null;
}

export interface DB {
  organisation_settings: OrganisationSettingsTable;
  catalog_apps: CatalogAppsTable;
  sources: SourcesTable;
  sync_runs: SyncRunsTable;
  raw_records: RawRecordsTable;
  apps: AppsTable;
  users: UsersTable;
  accounts: AccountsTable;
  app_instances: AppInstancesTable;
  account_observations: AccountObservationsTable;
  license_types: LicenseTypesTable;
  account_licenses: AccountLicensesTable;
  usage: UsageTable;
  employees: EmployeesTable;
  admin_members: AdminMembersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  one_time_tokens: OneTimeTokensTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  identity_aliases: IdentityAliasesTable;
  merge_settings: MergeSettingsTable;
  person_links: PersonLinksTable;
  rate_limits: RateLimitsTable;
  app_owners: AppOwnersTable;
  app_domains: AppDomainsTable;
  oidc_logins: OidcLoginsTable;
  source_domains: SourceDomainsTable;
  license_states: LicenseStatesTable;
  license_state_counts: LicenseStateCountsTable;
  license_states_status: LicenseStatesStatusTable;
  data_generation: DataGenerationTable;
  managed_domains: ManagedDomainsView;
  employee_sources: EmployeeSourcesView;
  employees_of_record: EmployeesTable;
  schema_migrations: SchemaMigrationsTable;
  key_check: KeyCheckTable;
  offboardings: OffboardingsTable;
  offboarding_tasks: OffboardingTasksTable;
  offboarding_methods: OffboardingMethodsTable;
  offboarding_drift: OffboardingDriftTable;
  exchange_rates: ExchangeRatesTable;
  expense_imports: ExpenseImportsTable;
  expense_accounts: ExpenseAccountsTable;
  expense_descriptors: ExpenseDescriptorsTable;
  expense_rules: ExpenseRulesTable;
  expense_lines: ExpenseLinesTable;
  expense_line_totals: ExpenseLineTotalsTable;
  workflows: WorkflowsTable;
  action_credentials: ActionCredentialsTable;
  workflow_versions: WorkflowVersionsTable;
  workflow_matches: WorkflowMatchesTable;
  workflow_runs: WorkflowRunsTable;
  workflow_watch: WorkflowWatchTable;
  workflow_watch_seeded: WorkflowWatchSeededTable;
  extension_tokens: ExtensionTokensTable;
  extension_batches: ExtensionBatchesTable;
  extension_activity: ExtensionActivityTable;
  extension_connect_links: ExtensionConnectLinksTable;
  sign_up_only_apps: { app_id: number };
  extension_reminders: { email: string; sent_at: Timestamp; sent_by: string };
}
