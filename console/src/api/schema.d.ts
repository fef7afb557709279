/**
 * Generated from Roster's OpenAPI document by `npm run generate:api`. Do not edit by hand:
 * test/console/api-schema.test.ts fails when this file no longer matches the server's routes.
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers (touches nothing else) */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers, its migrations are current, and the job worker runs */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Metrics in Prometheus text format: requests by route, sync runs, sources needing attention, jobs, license state age */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is calling */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create the first admin with the one-time setup token printed at first start */
        post: operations["postSetup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The page of a one-time sign-in link: its button signs in (opening the link does not) */
        get: operations["getAuthLink"];
        put?: never;
        /** Sign in with a one-time link token (the link page posts it), then go to the console */
        post: operations["postAuthLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this browser session */
        post: operations["postSessionSignOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/sign-out-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of the signed-in member, on every device */
        post: operations["postSessionSignOutEverywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password (local accounts); starts a browser session */
        post: operations["postSessionSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set or reset a local password with a one-time password link */
        post: operations["postSessionPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sign in through the organisation’s OpenID Connect provider */
        get: operations["getAuthOidcStart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the OpenID Connect provider returns after sign-in */
        get: operations["getAuthOidcCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organisation settings */
        get: operations["getSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change organisation settings (configured domains decide who is external) */
        patch: operations["patchSettings"];
        trace?: never;
    };
    "/api/v1/employees/source": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The employee source of truth: which sources decide who is an employee, and why */
        get: operations["getEmployeesSource"];
        /** Choose the employee source of truth (a source name or id; null for the default rule) */
        put: operations["putEmployeesSource"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/source-kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Source kinds and what each can tell (the capability matrix) */
        get: operations["getSourceKinds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List sources with health ("needs attention" and why) */
        get: operations["getSources"];
        put?: never;
        /** Add a source */
        post: operations["postSources"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One source, by id or name */
        get: operations["getSourcesById"];
        put?: never;
        post?: never;
        /** Remove (disconnect) a source; what it reported is kept */
        delete: operations["deleteSourcesById"];
        options?: never;
        head?: never;
        /**
         * Change a source's name, config, credentials or schedule (audited)
         * @description config replaces the whole config. credentials are merged field by field over the stored ones: a field left out or empty keeps its stored value. The answer tells only whether credentials are set.
         */
        patch: operations["patchSourcesById"];
        trace?: never;
    };
    "/api/v1/sources/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a sync of a pull source now; answers at once with the running run to follow
         * @description The sync runs in the server after the answer (202). Follow it at links.run (its Location): pages and records while it runs, then its status (succeeded, held, failed or cancelled), counters and error. A source that is unknown (404), fed by imports (400) or already syncing (409) answers at once with the error.
         */
        post: operations["postSourcesByIdSync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sources/{id}/removal-threshold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set how many removals a sync of this source may make before it is held for confirmation */
        put: operations["putSourcesByIdRemovalThreshold"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sources/{id}/held-run/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply the source's held sync run, removals included, exactly as it was fetched */
        post: operations["postSourcesByIdHeldRunConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sources/{id}/held-run/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Discard the source's held sync run; nothing of it is applied */
        post: operations["postSourcesByIdHeldRunDiscard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace one app's users with a CSV file (the whole file is applied, or nothing)
         * @description The file replaces the app's list from earlier uploads: users it does not list are marked removed. An upload past the removal threshold answers status `held` and applies nothing until confirmed (POST /api/sources/{ref}/held-run/confirm). Send the file as the body (text/csv). Canonical header: email,name,status,role,license_types,last_used_at. Other headers are mapped with map.<column>=<header> query parameters or preset=auto.
         */
        post: operations["postImportsCsv"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/custom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Push a full snapshot of a custom app's users and licenses (Roster's or Torii's JSON shape) */
        post: operations["postImportsCustom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/expenses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import expense lines from a CSV or XLSX export (the whole file is applied, or nothing)
         * @description Send the file as the body (text/csv, or an XLSX workbook as application/octet-stream). Lines are added to the named expense source (created on first use) and never removed; the same file uploaded again changes nothing. Canonical header: id,date,amount,currency,vendor,description,report_id,item_type,account,employee_email. Other headers: preset=<roster|expensify|ramp|brex|amex|quickbooks|netsuite|auto> or map.<field>=<header> query parameters.
         */
        post: operations["postImportsExpenses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expenses/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Expense lines, newest first (unmatched: biggest first, with suggestions and the rule that would catch them) */
        get: operations["getExpensesLines"];
        put?: never;
        /**
         * Push expense lines from a finance system (all lines are applied, or none)
         * @description Adds the lines to the named expense-push source (created on first use); lines are never removed, and lines pushed again (same id, or same fields) change nothing.
         */
        post: operations["postExpensesLines"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expenses/sources/{id}/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cards and GL accounts an expense source covers, excluded ones marked */
        get: operations["getExpensesSourcesByIdAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expenses/sources/{id}/accounts/exclude": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exclude an account: its lines count in no figure (audited) */
        post: operations["postExpensesSourcesByIdAccountsExclude"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expenses/sources/{id}/accounts/include": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Count an excluded account’s lines again (audited) */
        post: operations["postExpensesSourcesByIdAccountsInclude"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expenses/rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import exchange rates (CSV date,currency,rate; the whole file is applied, or nothing)
         * @description rate = units of the organisation’s currency per unit of currency, from that date; the latest rate on or before a line’s date converts it. Send the file as text/csv.
         */
        post: operations["postExpensesRates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sync-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sync runs, newest first */
        get: operations["getSyncRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sync-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One sync run with its counters and errors */
        get: operations["getSyncRunsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List apps (search by name, sort by a column, cursor pagination) */
        get: operations["getApps"];
        put?: never;
        /** Add an app by hand (linked to the catalog when the name matches, else a custom app) */
        post: operations["postApps"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The apps list as CSV, searched and sorted as the list (streamed; cells safe from spreadsheet formulas) */
        get: operations["getAppsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}/users.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app's users (its accounts) as CSV (streamed; cells safe from spreadsheet formulas) */
        get: operations["getAppsByIdUsersCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One app with its license types and accounts (each account as the app names it) */
        get: operations["getAppsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an app's inactivity threshold (days without use; null for the organisation default) */
        patch: operations["patchAppsById"];
        trace?: never;
    };
    "/api/v1/apps/{id}/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set an app's owners (emails); app-owner members and tokens for these emails see this app */
        put: operations["putAppsByIdOwners"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{id}/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the domains the organisation gives an app (an intranet, an app the catalog lacks): the browser extension reports visits to them */
        put: operations["putAppsByIdDomains"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (search by any email or name, sort by a column, cursor pagination) */
        get: operations["getUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The people list as CSV, searched and sorted as the list (streamed; cells safe from spreadsheet formulas) */
        get: operations["getUsersCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{email}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person by any of their emails, with every account of every email (active and removed) */
        get: operations["getUsersByEmail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merge/alias-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The alias fields Merge Users can read, per source kind (managedOnly: only addresses of the organisation’s domains count) */
        get: operations["getMergeAliasFields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merge/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Merge Users: the full changes report for the configured alias sources */
        get: operations["getMergePreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merge/preview.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The changes report as CSV, one row per email: merged, not merged (and why), waiting, ignored (cells safe from spreadsheet formulas) */
        get: operations["getMergePreviewCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merge/configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Choose the alias sources (per identity source, its alias fields); answers the new report, applies nothing */
        put: operations["putMergeConfiguration"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merge/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn Merge Users on with the configured alias sources */
        post: operations["postMergeApply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merge/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn Merge Users off, restoring every user exactly */
        post: operations["postMergeRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/merge/preview/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email the full changes report (to the signed-in admin, or to `to`) */
        post: operations["postMergePreviewEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/inactive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inactive licenses with their reason (who, which email, app, license type, last used and its source) */
        get: operations["getLicensesInactive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/inactive/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inactive and usage-unknown license counts per app, by reason */
        get: operations["getLicensesInactiveSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/inactive.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All inactive licenses as CSV (streamed; cells safe from spreadsheet formulas) */
        get: operations["getLicensesInactiveCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/explain/{what}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Why a figure is what it is: how it was computed, from which sources, what is missing */
        get: operations["getExplainByWhat"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Roster's catalog of known SaaS apps */
        get: operations["getCatalog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active API tokens (never their secrets) */
        get: operations["getTokens"];
        put?: never;
        /** Create an API token; the secret is in this response only */
        post: operations["postTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token (by id; the unprefixed path also takes its name); it stops working at once */
        delete: operations["deleteTokensById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Admin members and their roles */
        get: operations["getMembers"];
        put?: never;
        /** Add an admin member with a role */
        post: operations["postMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{email}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a member's role, disable them (their sessions end and the tokens they created are revoked, at once), or forget the single sign-on account they are bound to (their next SSO sign-in binds one again) */
        patch: operations["patchMembersByEmail"];
        trace?: never;
    };
    "/api/v1/members/{email}/sign-in-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A one-time sign-in link (30 minutes) for an admin member; on an installation without an admin, it makes this email the first admin (audited) */
        post: operations["postMembersByEmailSignInLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{email}/password-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A one-time token (30 minutes) with which an admin member sets or resets a local password, and setPasswordUrl: the console page that spends it (audited) */
        post: operations["postMembersByEmailPasswordLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first (filter by actor, action, target and date range) */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log as CSV, with the same filters (streamed; cells safe from spreadsheet formulas) */
        get: operations["getAuditCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organisation-wide counts (apps, people, licenses, inactive licenses, spend), license use per app (the 12 with most licenses), inactive licenses by reason, apps discovered per month */
        get: operations["getOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offboarding/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People who became past in the employee source of truth and are not offboarded yet */
        get: operations["getOffboardingCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offboarding/drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts active again after their person was offboarded (needs attention) */
        get: operations["getOffboardingDrift"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offboarding/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How apps are offboarded, where an admin chose (other apps: automatic where possible, else manual) */
        get: operations["getOffboardingMethods"];
        /** Set an app's (or one instance's) offboarding method */
        put: operations["putOffboardingMethods"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offboardings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Offboardings, newest first; `email` finds the one of a person (any of their emails) */
        get: operations["getOffboardings"];
        put?: never;
        /** Start offboarding a person: one task per account of every email, in every app, any status. `dryRun` lists the tasks and every request automatic ones would make, and changes nothing; `wait=true` answers (201) once Roster acted on the tasks, else (202) they are queued */
        post: operations["postOffboardings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offboardings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One offboarding with its tasks */
        get: operations["getOffboardingsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offboardings/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the offboarding done (tasks that finish later are still recorded) */
        post: operations["postOffboardingsByIdComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offboardings/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-open a completed offboarding */
        post: operations["postOffboardingsByIdReopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offboardings/{id}/task": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find one task by app, and instance or email when the person has several accounts in it (ambiguity lists the choices) */
        get: operations["getOffboardingsByIdTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offboardings/{id}/tasks/{taskId}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one task done */
        post: operations["postOffboardingsByIdTasksByTaskIdDone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offboardings/{id}/tasks/{taskId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry a failed task (`wait=true`: answers once Roster acted on it, else it is queued) */
        post: operations["postOffboardingsByIdTasksByTaskIdRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/offboarding/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The page of an app owner's confirmation link (its button confirms; opening it does not) */
        get: operations["getOffboardingConfirm"];
        put?: never;
        /** An app owner confirms the account is removed (the link's page posts its token) */
        post: operations["postOffboardingConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/backup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A consistent copy of the embedded database while Roster runs (gzipped tar; restore with `roster restore`). A PostgreSQL server answers 409: back it up with pg_dump. */
        get: operations["getBackup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expenses/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Expense Match and Ignore rules, in the order they apply, with the lines each decides */
        get: operations["getExpensesRules"];
        put?: never;
        /** Add an expense rule; it applies to every past and future line */
        post: operations["postExpensesRules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expenses/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an expense rule; its lines go to the next rule or automatic matching */
        delete: operations["deleteExpensesRulesById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expenses/rules/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a rule (given, or an existing one by id) would match in the history: before and after, and the lines it takes */
        post: operations["postExpensesRulesTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expenses/lines/{id}/app": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set one expense line's app by hand (over any rule), or return it to its rules with null */
        put: operations["putExpensesLinesByIdApp"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expenses/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Expenses in the organisation's currency: total, matched, unmatched, ignored, excluded, duplicates, itemised, unconverted lines, the matching rate, and spend per app with its annualised figure and license cost */
        get: operations["getExpensesSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expenses/apps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One app's spend: total, lines, annualised, license cost, month by month */
        get: operations["getExpensesAppsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expenses/lines.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Expense lines as CSV (streamed; cells safe from spreadsheet formulas) */
        get: operations["getExpensesLinesCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The JSON Schema of workflow documents */
        get: operations["getWorkflowsSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The fields conditions may name, and which of them a trigger of each entity can read */
        get: operations["getWorkflowsFields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Workflows with their last run */
        get: operations["getWorkflows"];
        put?: never;
        /** Create a workflow from its document */
        post: operations["postWorkflows"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workflow document as saved (secrets as "(kept)"), to export or edit */
        get: operations["getWorkflowsById"];
        /** Save a new version of a workflow (the document names it) */
        put: operations["putWorkflowsById"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every saved version of a workflow's document, newest first */
        get: operations["getWorkflowsByIdVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn a workflow on */
        post: operations["postWorkflowsByIdEnable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn a workflow off */
        post: operations["postWorkflowsByIdDisable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workflow's run log, newest first */
        get: operations["getWorkflowsByIdRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflows/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who matches now and what each action would do; nothing is sent or written */
        get: operations["getWorkflowsByIdTest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-runs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a failed run again from its failed action */
        post: operations["postWorkflowRunsByIdRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/extension/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report browser activity (the extension, or any other reporter holding an extension token): visits, sign-ins and sign-ups on app domains */
        post: operations["postExtensionEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/extension/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the extension matches against: its person, the organisation’s domains and the app domains */
        get: operations["getExtensionConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/extension/enroll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unauthenticated mode: exchange the enrollment token and the browser profile’s email for a reporting token */
        post: operations["postExtensionEnroll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/extension/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the browser extension reports for: tokens per mode, people reporting, employees not reporting for N days */
        get: operations["getExtensionStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/extension/remind": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email every employee whose extension has not reported for N days a reminder to connect it (at most once in 7 days each) */
        post: operations["postExtensionRemind"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/extension/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active browser extension tokens (never their secrets) */
        get: operations["getExtensionTokens"];
        put?: never;
        /** Issue a browser extension token: a reporting token for one person’s email, or an enrollment token; the secret is in this response only */
        post: operations["postExtensionTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/extension/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a browser extension token; it stops working at once */
        delete: operations["deleteExtensionTokensById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/extension/connect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The page where a person connects the browser extension (single sign-on or an emailed link) */
        get: operations["getExtensionConnect"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/extension/connect/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a one-time link to connect the extension to a work address */
        post: operations["postExtensionConnectEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/extension/connect/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The page of a connect link: its button connects the extension (opening the link does not) */
        get: operations["getExtensionConnectLink"];
        put?: never;
        /** Use a connect link (its page posts it): redirects to the extension with its token */
        post: operations["postExtensionConnectLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/extension/connect/sso": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Connect the extension through the organisation’s single sign-on */
        get: operations["getExtensionConnectSso"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The action types that take credentials, and whether they are set (never their values) */
        get: operations["getWorkflowCredentials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workflow-credentials/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set an action type's credentials (kept encrypted; replaces the ones set before) */
        put: operations["putWorkflowCredentialsByType"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        RemovalThresholdInput: {
            /** @description held when more than this share of the source is removed */
            percent: number;
            /** @description … and more than this many */
            count: number;
        } | {
            /**
             * @description never hold a run of this source
             * @constant
             */
            disabled: true;
        };
        /** @enum {string} */
        RunStatusInput: "running" | "succeeded" | "failed" | "cancelled" | "held" | "discarded";
        HeldRemovalsInput: {
            /** @description accounts (this source's observations of them) and employees it would remove */
            removals: number;
            accounts: number;
            employees: number;
            /** @description the source's accounts and employees before the run */
            of: number;
            message: string;
        };
        SyncResultInput: {
            runId: number;
            sourceId: number;
            /**
             * @description held: complete, but past the removal threshold; nothing was applied until confirmed
             * @enum {string}
             */
            status: "succeeded" | "failed" | "cancelled" | "held";
            counters: {
                added: number;
                updated: number;
                removed: number;
                unchanged: number;
                rejected: number;
            };
            detail: unknown;
            held: components["schemas"]["HeldRemovalsInput"] | null;
            error: {
                code: string;
                message: string;
                details: {
                    row?: number;
                    field?: string;
                    path?: string;
                    message: string;
                }[];
            } | null;
        };
        AppSummaryInput: {
            id: number;
            name: string;
            catalogId: string | null;
            category: string | null;
            vendor: string | null;
            /** @enum {string} */
            origin: "catalog" | "custom";
            users: number;
            activeAccounts: number;
            licenseTypes: number;
            sources: string[];
        };
        AppDetailInput: {
            id: number;
            name: string;
            catalogId: string | null;
            category: string | null;
            vendor: string | null;
            /** @enum {string} */
            origin: "catalog" | "custom";
            users: number;
            activeAccounts: number;
            licenseTypes: number;
            sources: {
                id: number;
                name: string;
                kind: string;
            }[];
            instances: {
                name: string;
                managed: boolean;
                accounts: number;
            }[];
            /** @description The app's own inactivity threshold in days; null when it follows the organisation's default */
            inactivityDays: number | null;
            owners: string[];
            /** @description Domains the organisation gave this app, published to the browser extension beside the catalog's */
            domains: string[];
            licenseTypesDetail: {
                name: string;
                source: string;
                purchased: number | null;
                assigned: number;
                unassigned: number | null;
                active: number;
                inactive: number;
                usageUnknown: number;
                pricePerUserCents: number | null;
            }[];
            usage: {
                covered: boolean;
                sources: {
                    name: string;
                    stale: boolean;
                }[];
                wouldFill: string[];
            };
            /** @description The browser extension saw only sign-ups on this app, no visit or sign-in: not counted as in use */
            seenOnlyAtSignUp: boolean;
            accounts: {
                items: {
                    instance: string;
                    nameInApp: string | null;
                    /** @enum {string} */
                    status: "active" | "suspended" | "deleted";
                    role: string | null;
                    licenseTypes: string[];
                    lastUsedAt: string | null;
                    lastUsedSource: string | null;
                    removedAt: string | null;
                    usageBySource: {
                        source: string;
                        lastUsedAt: string;
                        stale: boolean;
                    }[];
                    sources: {
                        source: string;
                        kind: string;
                        /** @enum {string} */
                        role: "direct" | "partial";
                        /** @enum {string} */
                        status: "active" | "suspended" | "deleted";
                        nameInApp: string | null;
                        roleInApp: string | null;
                        lastUsedAt: string | null;
                        firstSeenAt: string;
                        removedAt: string | null;
                        stale: boolean;
                    }[];
                    email: string;
                    firstSeenAt: string;
                }[];
                nextCursor: string | null;
            };
        };
        AuditEntryInput: {
            id: number;
            at: string;
            actor: string;
            action: string;
            targetType: string;
            targetId: string | null;
            before: unknown;
            after: unknown;
        };
        MemberInput: {
            id: number;
            email: string;
            role: string;
        };
        CatalogEntryInput: {
            id: string;
            name: string;
            vendor: string;
            category: string;
            domains: string[];
            expenseAliases: string[];
        };
        EmployeeSourceOfTruthInput: {
            chosen: {
                id: number;
                name: string;
                kind: string;
            } | null;
            effective: {
                id: number;
                name: string;
                kind: string;
            }[];
            /** @enum {string} */
            rule: "chosen" | "hr_sources" | "identity_providers" | "none";
            explanation: string;
        };
        ExpenseSuggestedRuleInput: {
            /** @constant */
            action: "match";
            /** @description the closest app, when matching suggests one */
            app: string | null;
            /** @enum {string} */
            field: "vendor" | "description";
            /** @enum {string} */
            op: "contains" | "equals" | "regex";
            value: string;
        };
        ExpenseLineInput: {
            id: number;
            date: string;
            amount: number;
            currency: string;
            /** @description in the organisation's currency; null: no rate */
            amountConverted: number | null;
            vendor: string;
            description: string;
            source: string;
            account: string;
            reportId: string | null;
            /** @enum {string} */
            itemType: "main" | "line";
            employeeEmail: string | null;
            /** @enum {string} */
            status: "matched" | "unmatched" | "ignored" | "duplicate" | "excluded" | "itemised";
            app: string | null;
            matchedBy: ("rule" | "automatic" | "manual") | null;
            ruleId: number | null;
            alias: string | null;
            duplicateOf: number | null;
            suggestions: {
                catalogId?: string;
                name: string;
                reason?: string;
            }[];
            suggestedRule: components["schemas"]["ExpenseSuggestedRuleInput"] | null;
        };
        ExpenseAppSpendInput: {
            appId: number;
            app: string;
            /** @description decimal, in the organisation's currency */
            total: number;
            /** @description matched lines, converted or not */
            lines: number;
            annualised: number | null;
            annualisedFrom: ("trailing-12-months" | "extrapolated") | null;
            /** @description yearly cost of the assigned licenses with a known price */
            licenseCost: number | null;
        };
        ExpenseSummaryInput: {
            currency: string;
            /** @description matched + unmatched lines, converted */
            total: number;
            /** @description decimal, in the organisation's currency */
            matched: number;
            /** @description decimal, in the organisation's currency */
            unmatched: number;
            /** @description decimal, in the organisation's currency */
            ignored: number;
            /** @description decimal, in the organisation's currency */
            excluded: number;
            /** @description decimal, in the organisation's currency */
            duplicates: number;
            /** @description decimal, in the organisation's currency */
            itemised: number;
            /** @description lines without a rate to the currency: counted in no total */
            unconverted: number;
            lines: {
                matched: number;
                unmatched: number;
                ignored: number;
                excluded: number;
                duplicates: number;
                itemised: number;
            };
            countItems: {
                sourceId: number;
                source: string;
                /** @enum {string} */
                countItems: "lines" | "main";
            }[];
            coveredPeriod: {
                from: string;
                to: string;
                days: number;
            } | null;
            annualised: number | null;
            annualisedFrom: ("trailing-12-months" | "extrapolated") | null;
            annualisedWording: string | null;
            matchRate: {
                /** @description matched / (matched + unmatched) lines, 0–1 */
                byCount: number | null;
                /** @description matched / (matched + unmatched) amount, 0–1 */
                byAmount: number | null;
            };
            apps: components["schemas"]["ExpenseAppSpendInput"][];
        };
        ExpenseAppSpendDetailInput: {
            appId: number;
            app: string;
            /** @description decimal, in the organisation's currency */
            total: number;
            /** @description matched lines, converted or not */
            lines: number;
            annualised: number | null;
            annualisedFrom: ("trailing-12-months" | "extrapolated") | null;
            /** @description yearly cost of the assigned licenses with a known price */
            licenseCost: number | null;
            currency: string;
            annualisedWording: string | null;
            months: {
                month: string;
                /** @description decimal, in the organisation's currency */
                amount: number;
                lines: number;
            }[];
        };
        ExpenseImportResultInput: {
            runId: number;
            sourceId: number;
            /**
             * @description held: complete, but past the removal threshold; nothing was applied until confirmed
             * @enum {string}
             */
            status: "succeeded" | "failed" | "cancelled" | "held";
            counters: {
                added: number;
                updated: number;
                removed: number;
                unchanged: number;
                rejected: number;
            };
            detail: unknown;
            held: components["schemas"]["HeldRemovalsInput"] | null;
            error: {
                code: string;
                message: string;
                details: {
                    row?: number;
                    field?: string;
                    path?: string;
                    message: string;
                }[];
            } | null;
            source: {
                id: number;
                name: string;
            };
            /** @description What the import did, e.g. "Same file as the import of 2026-03-01; nothing changed" */
            message: string;
        };
        ExpenseAccountInput: {
            account: string;
            lines: number;
            firstSeenAt: string;
            lastSeenAt: string;
            /** @description Set while the account is excluded: its lines count in no figure */
            excludedAt: string | null;
            excludedBy: string | null;
        };
        ExpenseAccountsInput: {
            source: {
                id: number;
                name: string;
            };
            accounts: components["schemas"]["ExpenseAccountInput"][];
        };
        ExpenseRuleInput: {
            id: number;
            /** @enum {string} */
            action: "match" | "ignore";
            appId: number | null;
            app: string | null;
            /** @enum {string} */
            field: "vendor" | "description";
            /** @enum {string} */
            op: "contains" | "equals" | "regex";
            value: string;
            priority: number;
            createdBy: string;
            createdAt: string;
            lines: number;
            amount: number;
        };
        ExpenseRuleTestInput: {
            rule: {
                id: number | null;
                /** @enum {string} */
                action: "match" | "ignore";
                app: string | null;
                /** @enum {string} */
                field: "vendor" | "description";
                /** @enum {string} */
                op: "contains" | "equals" | "regex";
                value: string;
                priority: number;
            };
            meets: {
                lines: number;
                amount: number;
            };
            decides: {
                lines: number;
                amount: number;
            };
            before: {
                matched: {
                    lines: number;
                    amount: number;
                };
                ignored: {
                    lines: number;
                    amount: number;
                };
                unmatched: {
                    lines: number;
                    amount: number;
                };
            };
            after: {
                matched: {
                    lines: number;
                    amount: number;
                };
                ignored: {
                    lines: number;
                    amount: number;
                };
                unmatched: {
                    lines: number;
                    amount: number;
                };
            };
            takes: {
                /** @enum {string} */
                from: "rule" | "automatic" | "unmatched";
                ruleId: number | null;
                alias: string | null;
                app: string | null;
                ignored: boolean;
                lines: number;
                amount: number;
                examples: string[];
            }[];
            examples: {
                vendor: string;
                description: string;
                lines: number;
                amount: number;
            }[];
        };
        ExpenseLineAppInput: {
            id: number;
            appId: number | null;
            app: string | null;
            manualAppId: number | null;
            manualBy: string | null;
            status: string;
        };
        ExplanationInput: {
            what: string;
            subject: string | null;
            figure: {
                [key: string]: number | null;
            };
            computation: string;
            sources: {
                name: string;
                kind: string;
                /** @enum {string} */
                coverage: "full" | "partial";
                freshness: string;
                lastSuccessAt: string | null;
                capabilities: string[];
                unavailable: {
                    capability: string;
                    reason: string;
                }[];
            }[];
            causes: {
                code: string;
                text: string;
                count?: number;
            }[];
            excluded: {
                what: string;
                count: number;
                why: string;
            }[];
            toImprove: string[];
        };
        ExtensionEventInput: {
            /** @enum {string} */
            type: "visit" | "sign_in" | "sign_up";
            /** @description The app domain the activity was on (a host name, never a URL) */
            domain: string;
            /** @description The address used on the site, when visible; activity counts for it instead of the token’s */
            email?: string;
            /**
             * Format: date-time
             * @description When it happened (ISO 8601)
             */
            at: string;
        };
        ExtensionEventBatchInput: {
            /**
             * Format: uuid
             * @description Chosen by the reporter; a batch sent again with the same id counts once
             */
            batchId: string;
            events: components["schemas"]["ExtensionEventInput"][];
        };
        ExtensionTokenInput: {
            id: number;
            /** @enum {string} */
            kind: "reporting" | "enrollment";
            email: string | null;
            /** @enum {string} */
            issuedVia: "admin" | "link" | "sso" | "enrollment";
            createdBy: string;
            createdAt: string;
            lastUsedAt: string | null;
        };
        ExtensionStatusInput: {
            days: number;
            tokensByMode: {
                authenticated: number;
                unauthenticated: number;
                issuedByAdmin: number;
            };
            peopleReporting: number;
            notReporting: {
                email: string;
                name: string | null;
                lastReportedAt: string | null;
            }[];
        };
        ImportResultInput: {
            runId: number;
            sourceId: number;
            /**
             * @description held: complete, but past the removal threshold; nothing was applied until confirmed
             * @enum {string}
             */
            status: "succeeded" | "failed" | "cancelled" | "held";
            counters: {
                added: number;
                updated: number;
                removed: number;
                unchanged: number;
                rejected: number;
            };
            detail: unknown;
            held: components["schemas"]["HeldRemovalsInput"] | null;
            error: {
                code: string;
                message: string;
                details: {
                    row?: number;
                    field?: string;
                    path?: string;
                    message: string;
                }[];
            } | null;
            source: {
                id: number;
                name: string;
            };
        };
        InactiveLicenseInput: {
            user: string | null;
            personEmail: string;
            email: string;
            app: string;
            licenseType: string;
            lastUsedAt: string | null;
            usageSource: string | null;
            usageStale: boolean;
            futureDate: boolean;
            /** @enum {string} */
            reason: "account_suspended" | "past_user" | "never_used" | "no_usage_in_threshold";
            reasonText: string;
            thresholdDays: number;
        };
        AdminMemberInput: {
            id: number;
            email: string;
            /** @enum {string} */
            role: "admin" | "editor" | "read-only" | "app-owner";
            hasPassword: boolean;
            singleSignOnBound: boolean;
            disabled: boolean;
            createdAt: string;
        };
        MergeReportInput: {
            enabled: boolean;
            configuration: {
                source: string;
                sourceId: number;
                fields: string[];
            }[];
            usersBefore: number;
            usersAfter: number;
            merges: {
                primary: string;
                aliases: string[];
                provenance: {
                    email: string;
                    via: {
                        sourceId: number;
                        source: string;
                        field: string;
                        value: string;
                    }[];
                }[];
                apps: number;
                licenses: number;
                annualCost: number | null;
                /** @enum {string} */
                status: "current" | "past";
            }[];
            skipped: {
                email: string;
                claimedBy: string[];
                /** @enum {string} */
                rule: "employee" | "multiple_primaries" | "has_aliases";
            }[];
            pending: {
                email: string;
                primary: string;
                /** @enum {string} */
                waitingFor: "alias" | "primary";
            }[];
            ignored: {
                primary: string;
                field: string;
                value: string;
                reason: string;
            }[];
            changes: {
                merge: {
                    email: string;
                    primary: string;
                }[];
                unmerge: {
                    email: string;
                    primary: string;
                }[];
            };
        };
        MergeAppliedInput: {
            merged: number;
            unmerged: number;
            message: string;
        };
        AliasFieldInput: {
            field: string;
            kinds: string[];
            managedOnly: boolean;
            description: string;
        };
        OffboardingInput: {
            id: number;
            primaryEmail: string;
            emails: string[];
            /** @enum {string} */
            status: "in_progress" | "completed";
            startedAt: string;
            startedBy: string;
            forced: {
                reason: string;
                by: string;
            } | null;
            completedAt: string | null;
            completedBy: string | null;
            completedHow: ("manual" | "automatic") | null;
            reopenedAt: string | null;
            reopenedBy: string | null;
            counts: {
                pending: number;
                in_progress: number;
                done: number;
                failed: number;
                skipped: number;
            };
            tasks: {
                id: number;
                app: string;
                instance: string;
                email: string;
                accountStatus: string;
                method: string;
                source: string | null;
                action: string;
                /** @enum {string} */
                status: "pending" | "in_progress" | "done" | "failed" | "skipped";
                note: string | null;
                attempts: number;
                doneBy: string | null;
                doneAt: string | null;
                ticketKey: string | null;
                notifiedTo: string | null;
                calls: {
                    at: string;
                    method: string;
                    url: string;
                    status: number | null;
                    detail?: string;
                }[];
            }[];
        };
        OffboardingSummaryInput: {
            id: number;
            primaryEmail: string;
            /** @enum {string} */
            status: "in_progress" | "completed";
            startedAt: string;
            completedAt: string | null;
            completedBy: string | null;
            completedHow: ("manual" | "automatic") | null;
            counts: {
                pending: number;
                in_progress: number;
                done: number;
                failed: number;
                skipped: number;
            };
        };
        OffboardingPreviewInput: {
            /** @constant */
            dryRun: true;
            primaryEmail: string;
            emails: string[];
            current: {
                email: string;
                source: string;
            } | null;
            tasks: {
                app: string;
                instance: string;
                email: string;
                accountStatus: string;
                seenBy: {
                    source: string;
                    status: string;
                    removedAt: string | null;
                }[];
                /** @enum {string} */
                method: "automatic" | "ticket" | "notify-owner" | "manual" | "ignore";
                source: string | null;
                action: string;
                calls: {
                    method: string;
                    url: string;
                    purpose: string;
                }[];
            }[];
        };
        OffboardingMethodInput: {
            app: string;
            instance: string | null;
            /** @enum {string} */
            method: "automatic" | "ticket" | "notify-owner" | "manual" | "ignore";
            config: {
                [key: string]: unknown;
            };
            hasCredentials: boolean;
            updatedBy: string;
            updatedAt: string;
        };
        OverviewInput: {
            /** @description Apps in use (those seen only at sign-up are counted apart) */
            apps: number;
            /** @description Apps the browser extension saw only sign-ups on, no visit or sign-in: not counted as in use */
            appsSeenOnlyAtSignUp: number;
            people: number;
            licenses: number;
            inactiveLicenses: number;
            usageUnknownLicenses: number;
            annualLicenseCost: number | null;
            /** @description annual spend from expense lines, in the organisation's currency */
            spend: number | null;
            spendFrom: ("trailing-12-months" | "extrapolated") | null;
            currency: string;
            utilisation: {
                app: string;
                appId: number;
                purchased: number | null;
                assigned: number;
                active: number;
                inactive: number;
                usageUnknown: number;
            }[];
            inactiveByReason: {
                [key: string]: number;
            };
            discovered: {
                month: string;
                apps: number;
            }[];
        };
        SettingsInput: {
            name: string;
            domains: string[];
            managedDomains: string[];
            stalenessDays: number;
            inactivityDays: number;
            autoOffboarding: boolean;
            /** @description ISO 4217 code every expense figure is shown in */
            currency: string;
        };
        SyncRunInput: {
            id: number;
            sourceId: number;
            source: string;
            status: components["schemas"]["RunStatusInput"];
            trigger: string;
            startedAt: string;
            finishedAt: string | null;
            /** @description The last sign of life of the process running the sync: its latest page or lease renewal */
            heartbeatAt: string | null;
            pages: number;
            records: number;
            added: number;
            updated: number;
            removed: number;
            unchanged: number;
            rejected: number;
            counters: unknown;
            errorCode: string | null;
            errorMessage: string | null;
            errorDetails: unknown;
            held: components["schemas"]["HeldRemovalsInput"] | null;
        };
        SourceInput: {
            id: number;
            kind: string;
            name: string;
            /** @enum {string} */
            mode: "push" | "pull";
            app: string | null;
            config: unknown;
            hasCredentials: boolean;
            schedule: string | null;
            capabilities: {
                [key: string]: boolean;
            } | null;
            unavailable: {
                capability: string;
                reason: string;
            }[];
            health: {
                status: string;
                reason: string | null;
                message: string | null;
                fix: string | null;
            };
            lastRunStatus: string | null;
            /** @description removals of a sync run held for confirmation */
            heldRemovals: number | null;
            /** @description null: Roster's default (held past 10% and 10 removals, or all) */
            removalThreshold: components["schemas"]["RemovalThresholdInput"] | null;
            /** @description when the credential the source signs in with expires, as its provider last told */
            credentialExpiresAt: string | null;
            lastSyncAt: string | null;
            lastSuccessAt: string | null;
            stalenessDays: number;
            disconnectedAt: string | null;
            createdAt: string;
        };
        TokenInput: {
            id: number;
            name: string;
            /** @enum {string} */
            role: "admin" | "editor" | "read-only" | "app-owner" | "metrics";
            createdBy: string;
            createdAt: string;
            expiresAt: string | null;
            lastUsedAt: string | null;
            pushAppId: number | null;
        };
        UserSummaryInput: {
            id: number;
            email: string;
            name: string | null;
            nameSource: ("employee_record" | "apps") | null;
            /** @enum {string} */
            type: "employee" | "past_employee" | "external" | "service" | "unknown";
            typeRule: string;
            /** @enum {string} */
            status: "current" | "past";
            apps: number;
            additionalEmails: string[];
            annualCost: number | null;
        };
        UserDetailInput: {
            id: number;
            email: string;
            name: string | null;
            nameSource: ("employee_record" | "apps") | null;
            /** @enum {string} */
            type: "employee" | "past_employee" | "external" | "service" | "unknown";
            typeRule: string;
            /** @enum {string} */
            status: "current" | "past";
            apps: number;
            additionalEmails: string[];
            annualCost: number | null;
            domain: string;
            employee: {
                source: string;
                status: string;
                terminationDate: string | null;
                department: string | null;
                managerEmail: string | null;
                attributes: {
                    [key: string]: unknown;
                };
            } | null;
            primaryEmail: string;
            emails: {
                email: string;
                primary: boolean;
                linkedBy: {
                    source: string;
                    field: string;
                    value: string;
                } | null;
            }[];
            accounts: {
                instance: string;
                nameInApp: string | null;
                /** @enum {string} */
                status: "active" | "suspended" | "deleted";
                role: string | null;
                licenseTypes: string[];
                lastUsedAt: string | null;
                lastUsedSource: string | null;
                removedAt: string | null;
                usageBySource: {
                    source: string;
                    lastUsedAt: string;
                    stale: boolean;
                }[];
                sources: {
                    source: string;
                    kind: string;
                    /** @enum {string} */
                    role: "direct" | "partial";
                    /** @enum {string} */
                    status: "active" | "suspended" | "deleted";
                    nameInApp: string | null;
                    roleInApp: string | null;
                    lastUsedAt: string | null;
                    firstSeenAt: string;
                    removedAt: string | null;
                    stale: boolean;
                }[];
                app: string;
                email: string;
            }[];
            /** @description expense lines paid by any of the person's emails, in the organisation's currency; beside annualCost (licenses), not in it */
            expenseSpend: {
                currency: string;
                total: number;
                lines: number;
                annualised: number | null;
                annualisedFrom: ("trailing-12-months" | "extrapolated") | null;
                apps: {
                    app: string | null;
                    total: number;
                    lines: number;
                }[];
            } | null;
        };
        ActionCredentialsStateInput: {
            type: string;
            set: boolean;
            updatedBy: string | null;
            updatedAt: string | null;
        };
        /** @description A workflow document; its JSON Schema is at GET /api/workflows/schema */
        WorkflowDocumentInput: {
            [key: string]: unknown;
        };
        WorkflowSummaryInput: {
            id: number;
            name: string;
            enabled: boolean;
            version: number;
            trigger: string;
            /** @enum {string} */
            mode: "new_matches" | "every_match";
            lastRun: {
                id: number;
                status: string;
                at: string;
            } | null;
        };
        WorkflowRunInput: {
            id: number;
            workflow: string;
            version: number;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed";
            trigger: {
                [key: string]: unknown;
            };
            entity: {
                [key: string]: unknown;
            };
            steps: {
                id: string;
                type: string;
                /** @enum {string} */
                status: "succeeded" | "failed";
                requests: {
                    method: string;
                    url: string;
                    status: number | null;
                    detail?: string;
                }[];
                output?: {
                    [key: string]: unknown;
                };
                error?: string;
                retryable?: boolean;
                startedAt: string;
                durationMs: number;
            }[];
            error: string | null;
            attempts: number;
            createdAt: string;
            startedAt: string | null;
            finishedAt: string | null;
        };
        ErrorInput: {
            error: {
                code: string;
                message: string;
                details: {
                    row?: number;
                    field?: string;
                    path?: string;
                    message: string;
                }[];
                requestId: string;
            };
        };
        ReadinessInput: {
            /** @enum {string} */
            status: "ready" | "not_ready";
            /** @description the checks that failed */
            notReady: ("database" | "migrations" | "worker")[];
            checks: {
                database: {
                    /** @constant */
                    ready: true;
                } | {
                    /** @constant */
                    ready: false;
                    reason: string;
                };
                migrations: {
                    /** @constant */
                    ready: true;
                } | {
                    /** @constant */
                    ready: false;
                    reason: string;
                };
                worker: {
                    /** @constant */
                    ready: true;
                } | {
                    /** @constant */
                    ready: false;
                    reason: string;
                };
            };
        };
        ExchangeRatesImportInput: {
            rates: number;
            added: number;
            updated: number;
        };
        OffboardingTaskRefInput: {
            id: number;
        };
        RemovalThreshold: {
            /** @description held when more than this share of the source is removed */
            percent: number;
            /** @description … and more than this many */
            count: number;
        } | {
            /**
             * @description never hold a run of this source
             * @constant
             */
            disabled: true;
        };
        /** @enum {string} */
        RunStatus: "running" | "succeeded" | "failed" | "cancelled" | "held" | "discarded";
        HeldRemovals: {
            /** @description accounts (this source's observations of them) and employees it would remove */
            removals: number;
            accounts: number;
            employees: number;
            /** @description the source's accounts and employees before the run */
            of: number;
            message: string;
        };
        SyncResult: {
            runId: number;
            sourceId: number;
            /**
             * @description held: complete, but past the removal threshold; nothing was applied until confirmed
             * @enum {string}
             */
            status: "succeeded" | "failed" | "cancelled" | "held";
            counters: {
                added: number;
                updated: number;
                removed: number;
                unchanged: number;
                rejected: number;
            };
            detail: unknown;
            held: components["schemas"]["HeldRemovals"] | null;
            error: {
                code: string;
                message: string;
                details: {
                    row?: number;
                    field?: string;
                    path?: string;
                    message: string;
                }[];
            } | null;
        };
        AppSummary: {
            id: number;
            name: string;
            catalogId: string | null;
            category: string | null;
            vendor: string | null;
            /** @enum {string} */
            origin: "catalog" | "custom";
            users: number;
            activeAccounts: number;
            licenseTypes: number;
            sources: string[];
        };
        AppDetail: {
            id: number;
            name: string;
            catalogId: string | null;
            category: string | null;
            vendor: string | null;
            /** @enum {string} */
            origin: "catalog" | "custom";
            users: number;
            activeAccounts: number;
            licenseTypes: number;
            sources: {
                id: number;
                name: string;
                kind: string;
            }[];
            instances: {
                name: string;
                managed: boolean;
                accounts: number;
            }[];
            /** @description The app's own inactivity threshold in days; null when it follows the organisation's default */
            inactivityDays: number | null;
            owners: string[];
            /** @description Domains the organisation gave this app, published to the browser extension beside the catalog's */
            domains: string[];
            licenseTypesDetail: {
                name: string;
                source: string;
                purchased: number | null;
                assigned: number;
                unassigned: number | null;
                active: number;
                inactive: number;
                usageUnknown: number;
                pricePerUserCents: number | null;
            }[];
            usage: {
                covered: boolean;
                sources: {
                    name: string;
                    stale: boolean;
                }[];
                wouldFill: string[];
            };
            /** @description The browser extension saw only sign-ups on this app, no visit or sign-in: not counted as in use */
            seenOnlyAtSignUp: boolean;
            accounts: {
                items: {
                    instance: string;
                    nameInApp: string | null;
                    /** @enum {string} */
                    status: "active" | "suspended" | "deleted";
                    role: string | null;
                    licenseTypes: string[];
                    lastUsedAt: string | null;
                    lastUsedSource: string | null;
                    removedAt: string | null;
                    usageBySource: {
                        source: string;
                        lastUsedAt: string;
                        stale: boolean;
                    }[];
                    sources: {
                        source: string;
                        kind: string;
                        /** @enum {string} */
                        role: "direct" | "partial";
                        /** @enum {string} */
                        status: "active" | "suspended" | "deleted";
                        nameInApp: string | null;
                        roleInApp: string | null;
                        lastUsedAt: string | null;
                        firstSeenAt: string;
                        removedAt: string | null;
                        stale: boolean;
                    }[];
                    email: string;
                    firstSeenAt: string;
                }[];
                nextCursor: string | null;
            };
        };
        AuditEntry: {
            id: number;
            at: string;
            actor: string;
            action: string;
            targetType: string;
            targetId: string | null;
            before: unknown;
            after: unknown;
        };
        Member: {
            id: number;
            email: string;
            role: string;
        };
        CatalogEntry: {
            id: string;
            name: string;
            vendor: string;
            category: string;
            domains: string[];
            expenseAliases: string[];
        };
        EmployeeSourceOfTruth: {
            chosen: {
                id: number;
                name: string;
                kind: string;
            } | null;
            effective: {
                id: number;
                name: string;
                kind: string;
            }[];
            /** @enum {string} */
            rule: "chosen" | "hr_sources" | "identity_providers" | "none";
            explanation: string;
        };
        ExpenseSuggestedRule: {
            /** @constant */
            action: "match";
            /** @description the closest app, when matching suggests one */
            app: string | null;
            /** @enum {string} */
            field: "vendor" | "description";
            /** @enum {string} */
            op: "contains" | "equals" | "regex";
            value: string;
        };
        ExpenseLine: {
            id: number;
            date: string;
            amount: number;
            currency: string;
            /** @description in the organisation's currency; null: no rate */
            amountConverted: number | null;
            vendor: string;
            description: string;
            source: string;
            account: string;
            reportId: string | null;
            /** @enum {string} */
            itemType: "main" | "line";
            employeeEmail: string | null;
            /** @enum {string} */
            status: "matched" | "unmatched" | "ignored" | "duplicate" | "excluded" | "itemised";
            app: string | null;
            matchedBy: ("rule" | "automatic" | "manual") | null;
            ruleId: number | null;
            alias: string | null;
            duplicateOf: number | null;
            suggestions: {
                catalogId?: string;
                name: string;
                reason?: string;
            }[];
            suggestedRule: components["schemas"]["ExpenseSuggestedRule"] | null;
        };
        ExpenseAppSpend: {
            appId: number;
            app: string;
            /** @description decimal, in the organisation's currency */
            total: number;
            /** @description matched lines, converted or not */
            lines: number;
            annualised: number | null;
            annualisedFrom: ("trailing-12-months" | "extrapolated") | null;
            /** @description yearly cost of the assigned licenses with a known price */
            licenseCost: number | null;
        };
        ExpenseSummary: {
            currency: string;
            /** @description matched + unmatched lines, converted */
            total: number;
            /** @description decimal, in the organisation's currency */
            matched: number;
            /** @description decimal, in the organisation's currency */
            unmatched: number;
            /** @description decimal, in the organisation's currency */
            ignored: number;
            /** @description decimal, in the organisation's currency */
            excluded: number;
            /** @description decimal, in the organisation's currency */
            duplicates: number;
            /** @description decimal, in the organisation's currency */
            itemised: number;
            /** @description lines without a rate to the currency: counted in no total */
            unconverted: number;
            lines: {
                matched: number;
                unmatched: number;
                ignored: number;
                excluded: number;
                duplicates: number;
                itemised: number;
            };
            countItems: {
                sourceId: number;
                source: string;
                /** @enum {string} */
                countItems: "lines" | "main";
            }[];
            coveredPeriod: {
                from: string;
                to: string;
                days: number;
            } | null;
            annualised: number | null;
            annualisedFrom: ("trailing-12-months" | "extrapolated") | null;
            annualisedWording: string | null;
            matchRate: {
                /** @description matched / (matched + unmatched) lines, 0–1 */
                byCount: number | null;
                /** @description matched / (matched + unmatched) amount, 0–1 */
                byAmount: number | null;
            };
            apps: components["schemas"]["ExpenseAppSpend"][];
        };
        ExpenseAppSpendDetail: {
            appId: number;
            app: string;
            /** @description decimal, in the organisation's currency */
            total: number;
            /** @description matched lines, converted or not */
            lines: number;
            annualised: number | null;
            annualisedFrom: ("trailing-12-months" | "extrapolated") | null;
            /** @description yearly cost of the assigned licenses with a known price */
            licenseCost: number | null;
            currency: string;
            annualisedWording: string | null;
            months: {
                month: string;
                /** @description decimal, in the organisation's currency */
                amount: number;
                lines: number;
            }[];
        };
        ExpenseImportResult: {
            runId: number;
            sourceId: number;
            /**
             * @description held: complete, but past the removal threshold; nothing was applied until confirmed
             * @enum {string}
             */
            status: "succeeded" | "failed" | "cancelled" | "held";
            counters: {
                added: number;
                updated: number;
                removed: number;
                unchanged: number;
                rejected: number;
            };
            detail: unknown;
            held: components["schemas"]["HeldRemovals"] | null;
            error: {
                code: string;
                message: string;
                details: {
                    row?: number;
                    field?: string;
                    path?: string;
                    message: string;
                }[];
            } | null;
            source: {
                id: number;
                name: string;
            };
            /** @description What the import did, e.g. "Same file as the import of 2026-03-01; nothing changed" */
            message: string;
        };
        ExpenseAccount: {
            account: string;
            lines: number;
            firstSeenAt: string;
            lastSeenAt: string;
            /** @description Set while the account is excluded: its lines count in no figure */
            excludedAt: string | null;
            excludedBy: string | null;
        };
        ExpenseAccounts: {
            source: {
                id: number;
                name: string;
            };
            accounts: components["schemas"]["ExpenseAccount"][];
        };
        ExpenseRule: {
            id: number;
            /** @enum {string} */
            action: "match" | "ignore";
            appId: number | null;
            app: string | null;
            /** @enum {string} */
            field: "vendor" | "description";
            /** @enum {string} */
            op: "contains" | "equals" | "regex";
            value: string;
            priority: number;
            createdBy: string;
            createdAt: string;
            lines: number;
            amount: number;
        };
        ExpenseRuleTest: {
            rule: {
                id: number | null;
                /** @enum {string} */
                action: "match" | "ignore";
                app: string | null;
                /** @enum {string} */
                field: "vendor" | "description";
                /** @enum {string} */
                op: "contains" | "equals" | "regex";
                value: string;
                priority: number;
            };
            meets: {
                lines: number;
                amount: number;
            };
            decides: {
                lines: number;
                amount: number;
            };
            before: {
                matched: {
                    lines: number;
                    amount: number;
                };
                ignored: {
                    lines: number;
                    amount: number;
                };
                unmatched: {
                    lines: number;
                    amount: number;
                };
            };
            after: {
                matched: {
                    lines: number;
                    amount: number;
                };
                ignored: {
                    lines: number;
                    amount: number;
                };
                unmatched: {
                    lines: number;
                    amount: number;
                };
            };
            takes: {
                /** @enum {string} */
                from: "rule" | "automatic" | "unmatched";
                ruleId: number | null;
                alias: string | null;
                app: string | null;
                ignored: boolean;
                lines: number;
                amount: number;
                examples: string[];
            }[];
            examples: {
                vendor: string;
                description: string;
                lines: number;
                amount: number;
            }[];
        };
        ExpenseLineApp: {
            id: number;
            appId: number | null;
            app: string | null;
            manualAppId: number | null;
            manualBy: string | null;
            status: string;
        };
        Explanation: {
            what: string;
            subject: string | null;
            figure: {
                [key: string]: number | null;
            };
            computation: string;
            sources: {
                name: string;
                kind: string;
                /** @enum {string} */
                coverage: "full" | "partial";
                freshness: string;
                lastSuccessAt: string | null;
                capabilities: string[];
                unavailable: {
                    capability: string;
                    reason: string;
                }[];
            }[];
            causes: {
                code: string;
                text: string;
                count?: number;
            }[];
            excluded: {
                what: string;
                count: number;
                why: string;
            }[];
            toImprove: string[];
        };
        ExtensionEvent: {
            /** @enum {string} */
            type: "visit" | "sign_in" | "sign_up";
            /** @description The app domain the activity was on (a host name, never a URL) */
            domain: string;
            /** @description The address used on the site, when visible; activity counts for it instead of the token’s */
            email?: string;
            /**
             * Format: date-time
             * @description When it happened (ISO 8601)
             */
            at: string;
        };
        ExtensionEventBatch: {
            /**
             * Format: uuid
             * @description Chosen by the reporter; a batch sent again with the same id counts once
             */
            batchId: string;
            events: components["schemas"]["ExtensionEvent"][];
        };
        ExtensionToken: {
            id: number;
            /** @enum {string} */
            kind: "reporting" | "enrollment";
            email: string | null;
            /** @enum {string} */
            issuedVia: "admin" | "link" | "sso" | "enrollment";
            createdBy: string;
            createdAt: string;
            lastUsedAt: string | null;
        };
        ExtensionStatus: {
            days: number;
            tokensByMode: {
                authenticated: number;
                unauthenticated: number;
                issuedByAdmin: number;
            };
            peopleReporting: number;
            notReporting: {
                email: string;
                name: string | null;
                lastReportedAt: string | null;
            }[];
        };
        ImportResult: {
            runId: number;
            sourceId: number;
            /**
             * @description held: complete, but past the removal threshold; nothing was applied until confirmed
             * @enum {string}
             */
            status: "succeeded" | "failed" | "cancelled" | "held";
            counters: {
                added: number;
                updated: number;
                removed: number;
                unchanged: number;
                rejected: number;
            };
            detail: unknown;
            held: components["schemas"]["HeldRemovals"] | null;
            error: {
                code: string;
                message: string;
                details: {
                    row?: number;
                    field?: string;
                    path?: string;
                    message: string;
                }[];
            } | null;
            source: {
                id: number;
                name: string;
            };
        };
        InactiveLicense: {
            user: string | null;
            personEmail: string;
            email: string;
            app: string;
            licenseType: string;
            lastUsedAt: string | null;
            usageSource: string | null;
            usageStale: boolean;
            futureDate: boolean;
            /** @enum {string} */
            reason: "account_suspended" | "past_user" | "never_used" | "no_usage_in_threshold";
            reasonText: string;
            thresholdDays: number;
        };
        AdminMember: {
            id: number;
            email: string;
            /** @enum {string} */
            role: "admin" | "editor" | "read-only" | "app-owner";
            hasPassword: boolean;
            singleSignOnBound: boolean;
            disabled: boolean;
            createdAt: string;
        };
        MergeReport: {
            enabled: boolean;
            configuration: {
                source: string;
                sourceId: number;
                fields: string[];
            }[];
            usersBefore: number;
            usersAfter: number;
            merges: {
                primary: string;
                aliases: string[];
                provenance: {
                    email: string;
                    via: {
                        sourceId: number;
                        source: string;
                        field: string;
                        value: string;
                    }[];
                }[];
                apps: number;
                licenses: number;
                annualCost: number | null;
                /** @enum {string} */
                status: "current" | "past";
            }[];
            skipped: {
                email: string;
                claimedBy: string[];
                /** @enum {string} */
                rule: "employee" | "multiple_primaries" | "has_aliases";
            }[];
            pending: {
                email: string;
                primary: string;
                /** @enum {string} */
                waitingFor: "alias" | "primary";
            }[];
            ignored: {
                primary: string;
                field: string;
                value: string;
                reason: string;
            }[];
            changes: {
                merge: {
                    email: string;
                    primary: string;
                }[];
                unmerge: {
                    email: string;
                    primary: string;
                }[];
            };
        };
        MergeApplied: {
            merged: number;
            unmerged: number;
            message: string;
        };
        AliasField: {
            field: string;
            kinds: string[];
            managedOnly: boolean;
            description: string;
        };
        Offboarding: {
            id: number;
            primaryEmail: string;
            emails: string[];
            /** @enum {string} */
            status: "in_progress" | "completed";
            startedAt: string;
            startedBy: string;
            forced: {
                reason: string;
                by: string;
            } | null;
            completedAt: string | null;
            completedBy: string | null;
            completedHow: ("manual" | "automatic") | null;
            reopenedAt: string | null;
            reopenedBy: string | null;
            counts: {
                pending: number;
                in_progress: number;
                done: number;
                failed: number;
                skipped: number;
            };
            tasks: {
                id: number;
                app: string;
                instance: string;
                email: string;
                accountStatus: string;
                method: string;
                source: string | null;
                action: string;
                /** @enum {string} */
                status: "pending" | "in_progress" | "done" | "failed" | "skipped";
                note: string | null;
                attempts: number;
                doneBy: string | null;
                doneAt: string | null;
                ticketKey: string | null;
                notifiedTo: string | null;
                calls: {
                    at: string;
                    method: string;
                    url: string;
                    status: number | null;
                    detail?: string;
                }[];
            }[];
        };
        OffboardingSummary: {
            id: number;
            primaryEmail: string;
            /** @enum {string} */
            status: "in_progress" | "completed";
            startedAt: string;
            completedAt: string | null;
            completedBy: string | null;
            completedHow: ("manual" | "automatic") | null;
            counts: {
                pending: number;
                in_progress: number;
                done: number;
                failed: number;
                skipped: number;
            };
        };
        OffboardingPreview: {
            /** @constant */
            dryRun: true;
            primaryEmail: string;
            emails: string[];
            current: {
                email: string;
                source: string;
            } | null;
            tasks: {
                app: string;
                instance: string;
                email: string;
                accountStatus: string;
                seenBy: {
                    source: string;
                    status: string;
                    removedAt: string | null;
                }[];
                /** @enum {string} */
                method: "automatic" | "ticket" | "notify-owner" | "manual" | "ignore";
                source: string | null;
                action: string;
                calls: {
                    method: string;
                    url: string;
                    purpose: string;
                }[];
            }[];
        };
        OffboardingMethod: {
            app: string;
            instance: string | null;
            /** @enum {string} */
            method: "automatic" | "ticket" | "notify-owner" | "manual" | "ignore";
            config: {
                [key: string]: unknown;
            };
            hasCredentials: boolean;
            updatedBy: string;
            updatedAt: string;
        };
        Overview: {
            /** @description Apps in use (those seen only at sign-up are counted apart) */
            apps: number;
            /** @description Apps the browser extension saw only sign-ups on, no visit or sign-in: not counted as in use */
            appsSeenOnlyAtSignUp: number;
            people: number;
            licenses: number;
            inactiveLicenses: number;
            usageUnknownLicenses: number;
            annualLicenseCost: number | null;
            /** @description annual spend from expense lines, in the organisation's currency */
            spend: number | null;
            spendFrom: ("trailing-12-months" | "extrapolated") | null;
            currency: string;
            utilisation: {
                app: string;
                appId: number;
                purchased: number | null;
                assigned: number;
                active: number;
                inactive: number;
                usageUnknown: number;
            }[];
            inactiveByReason: {
                [key: string]: number;
            };
            discovered: {
                month: string;
                apps: number;
            }[];
        };
        Settings: {
            name: string;
            domains: string[];
            managedDomains: string[];
            stalenessDays: number;
            inactivityDays: number;
            autoOffboarding: boolean;
            /** @description ISO 4217 code every expense figure is shown in */
            currency: string;
        };
        SyncRun: {
            id: number;
            sourceId: number;
            source: string;
            status: components["schemas"]["RunStatus"];
            trigger: string;
            startedAt: string;
            finishedAt: string | null;
            /** @description The last sign of life of the process running the sync: its latest page or lease renewal */
            heartbeatAt: string | null;
            pages: number;
            records: number;
            added: number;
            updated: number;
            removed: number;
            unchanged: number;
            rejected: number;
            counters: unknown;
            errorCode: string | null;
            errorMessage: string | null;
            errorDetails: unknown;
            held: components["schemas"]["HeldRemovals"] | null;
        };
        Source: {
            id: number;
            kind: string;
            name: string;
            /** @enum {string} */
            mode: "push" | "pull";
            app: string | null;
            config: unknown;
            hasCredentials: boolean;
            schedule: string | null;
            capabilities: {
                [key: string]: boolean;
            } | null;
            unavailable: {
                capability: string;
                reason: string;
            }[];
            health: {
                status: string;
                reason: string | null;
                message: string | null;
                fix: string | null;
            };
            lastRunStatus: string | null;
            /** @description removals of a sync run held for confirmation */
            heldRemovals: number | null;
            /** @description null: Roster's default (held past 10% and 10 removals, or all) */
            removalThreshold: components["schemas"]["RemovalThreshold"] | null;
            /** @description when the credential the source signs in with expires, as its provider last told */
            credentialExpiresAt: string | null;
            lastSyncAt: string | null;
            lastSuccessAt: string | null;
            stalenessDays: number;
            disconnectedAt: string | null;
            createdAt: string;
        };
        Token: {
            id: number;
            name: string;
            /** @enum {string} */
            role: "admin" | "editor" | "read-only" | "app-owner" | "metrics";
            createdBy: string;
            createdAt: string;
            expiresAt: string | null;
            lastUsedAt: string | null;
            pushAppId: number | null;
        };
        UserSummary: {
            id: number;
            email: string;
            name: string | null;
            nameSource: ("employee_record" | "apps") | null;
            /** @enum {string} */
            type: "employee" | "past_employee" | "external" | "service" | "unknown";
            typeRule: string;
            /** @enum {string} */
            status: "current" | "past";
            apps: number;
            additionalEmails: string[];
            annualCost: number | null;
        };
        UserDetail: {
            id: number;
            email: string;
            name: string | null;
            nameSource: ("employee_record" | "apps") | null;
            /** @enum {string} */
            type: "employee" | "past_employee" | "external" | "service" | "unknown";
            typeRule: string;
            /** @enum {string} */
            status: "current" | "past";
            apps: number;
            additionalEmails: string[];
            annualCost: number | null;
            domain: string;
            employee: {
                source: string;
                status: string;
                terminationDate: string | null;
                department: string | null;
                managerEmail: string | null;
                attributes: {
                    [key: string]: unknown;
                };
            } | null;
            primaryEmail: string;
            emails: {
                email: string;
                primary: boolean;
                linkedBy: {
                    source: string;
                    field: string;
                    value: string;
                } | null;
            }[];
            accounts: {
                instance: string;
                nameInApp: string | null;
                /** @enum {string} */
                status: "active" | "suspended" | "deleted";
                role: string | null;
                licenseTypes: string[];
                lastUsedAt: string | null;
                lastUsedSource: string | null;
                removedAt: string | null;
                usageBySource: {
                    source: string;
                    lastUsedAt: string;
                    stale: boolean;
                }[];
                sources: {
                    source: string;
                    kind: string;
                    /** @enum {string} */
                    role: "direct" | "partial";
                    /** @enum {string} */
                    status: "active" | "suspended" | "deleted";
                    nameInApp: string | null;
                    roleInApp: string | null;
                    lastUsedAt: string | null;
                    firstSeenAt: string;
                    removedAt: string | null;
                    stale: boolean;
                }[];
                app: string;
                email: string;
            }[];
            /** @description expense lines paid by any of the person's emails, in the organisation's currency; beside annualCost (licenses), not in it */
            expenseSpend: {
                currency: string;
                total: number;
                lines: number;
                annualised: number | null;
                annualisedFrom: ("trailing-12-months" | "extrapolated") | null;
                apps: {
                    app: string | null;
                    total: number;
                    lines: number;
                }[];
            } | null;
        };
        ActionCredentialsState: {
            type: string;
            set: boolean;
            updatedBy: string | null;
            updatedAt: string | null;
        };
        /** @description A workflow document; its JSON Schema is at GET /api/workflows/schema */
        WorkflowDocument: {
            [key: string]: unknown;
        };
        WorkflowSummary: {
            id: number;
            name: string;
            enabled: boolean;
            version: number;
            trigger: string;
            /** @enum {string} */
            mode: "new_matches" | "every_match";
            lastRun: {
                id: number;
                status: string;
                at: string;
            } | null;
        };
        WorkflowRun: {
            id: number;
            workflow: string;
            version: number;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed";
            trigger: {
                [key: string]: unknown;
            };
            entity: {
                [key: string]: unknown;
            };
            steps: {
                id: string;
                type: string;
                /** @enum {string} */
                status: "succeeded" | "failed";
                requests: {
                    method: string;
                    url: string;
                    status: number | null;
                    detail?: string;
                }[];
                output?: {
                    [key: string]: unknown;
                };
                error?: string;
                retryable?: boolean;
                startedAt: string;
                durationMs: number;
            }[];
            error: string | null;
            attempts: number;
            createdAt: string;
            startedAt: string | null;
            finishedAt: string | null;
        };
        Error: {
            error: {
                code: string;
                message: string;
                details: {
                    row?: number;
                    field?: string;
                    path?: string;
                    message: string;
                }[];
                requestId: string;
            };
        };
        Readiness: {
            /** @enum {string} */
            status: "ready" | "not_ready";
            /** @description the checks that failed */
            notReady: ("database" | "migrations" | "worker")[];
            checks: {
                database: {
                    /** @constant */
                    ready: true;
                } | {
                    /** @constant */
                    ready: false;
                    reason: string;
                };
                migrations: {
                    /** @constant */
                    ready: true;
                } | {
                    /** @constant */
                    ready: false;
                    reason: string;
                };
                worker: {
                    /** @constant */
                    ready: true;
                } | {
                    /** @constant */
                    ready: false;
                    reason: string;
                };
            };
        };
        ExchangeRatesImport: {
            rates: number;
            added: number;
            updated: number;
        };
        OffboardingTaskRef: {
            id: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actor: string;
                        role: string;
                        /** @enum {string} */
                        kind: "token" | "session" | "local";
                    };
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSetup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuthLink: {
        parameters: {
            query?: {
                token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postAuthLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSessionSignOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSessionSignOutEverywhere: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ended: number;
                    };
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSessionSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSessionPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuthOidcStart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuthOidcCallback: {
        parameters: {
            query?: {
                state?: string;
                code?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settings"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    domains?: string[];
                    stalenessDays?: number;
                    inactivityDays?: number;
                    autoOffboarding?: boolean;
                    /** @description ISO 4217 code every expense figure is shown in; lines in others convert through rates */
                    currency?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Settings"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEmployeesSource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmployeeSourceOfTruth"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putEmployeesSource: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    source: string | number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmployeeSourceOfTruth"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSourceKinds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            kind: string;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            mode: "push" | "pull";
                            needsCredentials: boolean;
                            capabilities: {
                                [key: string]: boolean;
                            };
                            /** @description JSON Schema (2020-12) of the config a source of this kind takes */
                            configSchema: {
                                [key: string]: unknown;
                            };
                            /** @description JSON Schema of its credentials (secret fields are writeOnly); null when it takes none */
                            credentialsSchema: {
                                [key: string]: unknown;
                            } | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSources: {
        parameters: {
            query?: {
                includeDisconnected?: "true" | "false";
                name?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Source"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: string;
                    name: string;
                    /** @default {} */
                    config?: {
                        [key: string]: unknown;
                    };
                    credentials?: {
                        [key: string]: unknown;
                    };
                    stalenessDays?: number | null;
                    schedule?: string | null;
                    removalThreshold?: components["schemas"]["RemovalThresholdInput"] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSourcesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSourcesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchSourcesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    config?: {
                        [key: string]: unknown;
                    };
                    /** @description fields to set; an absent or empty field keeps its stored value */
                    credentials?: {
                        [key: string]: unknown;
                    };
                    /** @description sync interval of a pull source (30m, 6h, 1d); null for manual syncs only */
                    schedule?: string | null;
                    /** @description refused unless it is the source’s own kind */
                    kind?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSourcesByIdSync: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        sourceId: number;
                        source: string;
                        status: components["schemas"]["RunStatus"];
                        trigger: string;
                        startedAt: string;
                        finishedAt: string | null;
                        /** @description The last sign of life of the process running the sync: its latest page or lease renewal */
                        heartbeatAt: string | null;
                        pages: number;
                        records: number;
                        added: number;
                        updated: number;
                        removed: number;
                        unchanged: number;
                        rejected: number;
                        counters: unknown;
                        errorCode: string | null;
                        errorMessage: string | null;
                        errorDetails: unknown;
                        held: components["schemas"]["HeldRemovals"] | null;
                        links: {
                            /** @description GET this run to follow it */
                            run: string;
                        };
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putSourcesByIdRemovalThreshold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description null restores Roster's default: more than 10% and more than 10, or all */
                    removalThreshold: components["schemas"]["RemovalThresholdInput"] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSourcesByIdHeldRunConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncResult"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSourcesByIdHeldRunDiscard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        runId: number;
                        sourceId: number;
                        /** @enum {string} */
                        status: "discarded";
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postImportsCsv: {
        parameters: {
            query: {
                app: string;
                preset?: "roster" | "auto";
                "map.email"?: string;
                "map.name"?: string;
                "map.status"?: string;
                "map.role"?: string;
                "map.license_types"?: string;
                "map.last_used_at"?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postImportsCustom: {
        parameters: {
            query: {
                app: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postImportsExpenses: {
        parameters: {
            query: {
                source: string;
                preset?: "roster" | "expensify" | "ramp" | "brex" | "amex" | "quickbooks" | "netsuite" | "auto";
                dateFormat?: "YYYY-MM-DD" | "MM/DD/YYYY" | "DD/MM/YYYY";
                currency?: string;
                countItems?: "lines" | "main";
                fileName?: string;
                "map.id"?: string;
                "map.date"?: string;
                "map.amount"?: string;
                "map.currency"?: string;
                "map.vendor"?: string;
                "map.description"?: string;
                "map.report_id"?: string;
                "map.item_type"?: string;
                "map.account"?: string;
                "map.employee_email"?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseImportResult"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExpensesLines: {
        parameters: {
            query?: {
                status?: "matched" | "unmatched" | "ignored" | "duplicate" | "excluded" | "itemised";
                app?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ExpenseLine"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postExpensesLines: {
        parameters: {
            query: {
                source: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    lines: {
                        id?: string | number | null;
                        date: string;
                        amount: string | number;
                        currency?: string | null;
                        vendor?: string | null;
                        description?: string | null;
                        report_id?: string | number | null;
                        item_type?: string | null;
                        account?: string | null;
                        employee_email?: string | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseImportResult"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExpensesSourcesByIdAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseAccounts"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postExpensesSourcesByIdAccountsExclude: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    account: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseAccount"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postExpensesSourcesByIdAccountsInclude: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    account: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseAccount"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postExpensesRates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExchangeRatesImport"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSyncRuns: {
        parameters: {
            query?: {
                source?: string;
                limit?: number;
                cursor?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SyncRun"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSyncRunsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncRun"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getApps: {
        parameters: {
            query?: {
                search?: string;
                cursor?: string;
                limit?: number;
                name?: string;
                /** @description Sort field, "-" first for descending (default name). Rows without a value come last in both directions; ties are broken by the default order. */
                sort?: "name" | "-name" | "users" | "-users" | "activeAccounts" | "-activeAccounts" | "licenseTypes" | "-licenseTypes" | "category" | "-category";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AppSummary"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postApps: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        catalogId: string | null;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAppsCsv: {
        parameters: {
            query?: {
                search?: string;
                /** @description Sort field, "-" first for descending (default name). Rows without a value come last in both directions; ties are broken by the default order. */
                sort?: "name" | "-name" | "users" | "-users" | "activeAccounts" | "-activeAccounts" | "licenseTypes" | "-licenseTypes" | "category" | "-category";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, streamed; cells that a spreadsheet would read as formulas are escaped */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAppsByIdUsersCsv: {
        parameters: {
            query?: {
                includeRemoved?: "true" | "false";
            };
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, streamed; cells that a spreadsheet would read as formulas are escaped */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAppsById: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                includeRemoved?: "true" | "false";
            };
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppDetail"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchAppsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    inactivityDays: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putAppsByIdOwners: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    emails: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        owners: string[];
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putAppsByIdDomains: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    domains: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        domains: string[];
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUsers: {
        parameters: {
            query?: {
                search?: string;
                cursor?: string;
                limit?: number;
                /** @description Sort field, "-" first for descending (default email). Rows without a value come last in both directions; ties are broken by the default order. */
                sort?: "email" | "-email" | "name" | "-name" | "apps" | "-apps" | "annualCost" | "-annualCost" | "type" | "-type" | "status" | "-status";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["UserSummary"][];
                        nextCursor: string | null;
                        total: number;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUsersCsv: {
        parameters: {
            query?: {
                search?: string;
                /** @description Sort field, "-" first for descending (default email). Rows without a value come last in both directions; ties are broken by the default order. */
                sort?: "email" | "-email" | "name" | "-name" | "apps" | "-apps" | "annualCost" | "-annualCost" | "type" | "-type" | "status" | "-status";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, streamed; cells that a spreadsheet would read as formulas are escaped */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUsersByEmail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                email: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDetail"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMergeAliasFields: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AliasField"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMergePreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeReport"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMergePreviewCsv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, streamed; cells that a spreadsheet would read as formulas are escaped */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putMergeConfiguration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sources: {
                        source: string | number;
                        fields: string[];
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeReport"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMergeApply: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeApplied"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMergeRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeApplied"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMergePreviewEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    to?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sentTo: string;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getLicensesInactive: {
        parameters: {
            query?: {
                app?: string;
                licenseType?: string;
                reason?: "account_suspended" | "past_user" | "never_used" | "no_usage_in_threshold";
                user?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["InactiveLicense"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getLicensesInactiveSummary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            app: string;
                            appId: number;
                            inactive: number;
                            usageUnknown: number;
                            byReason: {
                                [key: string]: number;
                            };
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getLicensesInactiveCsv: {
        parameters: {
            query?: {
                app?: string;
                licenseType?: string;
                reason?: "account_suspended" | "past_user" | "never_used" | "no_usage_in_threshold";
                user?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, streamed; cells that a spreadsheet would read as formulas are escaped */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExplainByWhat: {
        parameters: {
            query?: {
                app?: string;
                email?: string;
            };
            header?: never;
            path: {
                what: "app-users" | "app-licenses" | "app-usage" | "inactive" | "user-count" | "offboarding-apps" | "offboarding" | "expenses-total" | "expenses-app";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Explanation"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCatalog: {
        parameters: {
            query?: {
                search?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CatalogEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTokens: {
        parameters: {
            query?: {
                name?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Token"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /**
                     * @description read-only when left out
                     * @enum {string}
                     */
                    role?: "admin" | "editor" | "read-only" | "app-owner" | "metrics";
                    expiresAt?: string | null;
                    actsForEmail?: string | null;
                    /** @description A push token: it may only push snapshots to this app's custom integration, and expires (90 days unless expiresAt says sooner) */
                    pushApp?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "editor" | "read-only" | "app-owner" | "metrics";
                        createdBy: string;
                        createdAt: string;
                        expiresAt: string | null;
                        lastUsedAt: string | null;
                        pushAppId: number | null;
                        token: string;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTokensById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMembers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AdminMember"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMembers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    /** @enum {string} */
                    role: "admin" | "editor" | "read-only" | "app-owner";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminMember"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchMembersByEmail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                email: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role?: "admin" | "editor" | "read-only" | "app-owner";
                    disabled?: boolean;
                    /** @enum {boolean} */
                    forgetSingleSignOn?: true;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminMember"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMembersByEmailSignInLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                email: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postMembersByEmailPasswordLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                email: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                        setPasswordUrl: string;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAudit: {
        parameters: {
            query?: {
                action?: string;
                actor?: string;
                /** @description what kind of thing changed: app, member, token, … */
                targetType?: string;
                /** @description which one (its id or name, as the entry records it) */
                targetId?: string;
                /** @description entries at or after this instant */
                from?: string;
                /** @description entries before this instant */
                to?: string;
                cursor?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuditCsv: {
        parameters: {
            query?: {
                action?: string;
                actor?: string;
                /** @description what kind of thing changed: app, member, token, … */
                targetType?: string;
                /** @description which one (its id or name, as the entry records it) */
                targetId?: string;
                /** @description entries at or after this instant */
                from?: string;
                /** @description entries before this instant */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, streamed; cells that a spreadsheet would read as formulas are escaped */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOverview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Overview"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOffboardingCandidates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            primaryEmail: string;
                            reason: string;
                            source: string;
                            accounts: number;
                            activeAccounts: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOffboardingDrift: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            primaryEmail: string;
                            app: string;
                            instance: string;
                            email: string;
                            source: string;
                            detectedAt: string;
                            offboardingCompletedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOffboardingMethods: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OffboardingMethod"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putOffboardingMethods: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    app: string;
                    instance?: string;
                    method: string;
                    config?: {
                        [key: string]: unknown;
                    };
                    credentials?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OffboardingMethod"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOffboardings: {
        parameters: {
            query?: {
                status?: "in_progress" | "completed";
                email?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["OffboardingSummary"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postOffboardings: {
        parameters: {
            query?: {
                wait?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    dryRun?: boolean;
                    force?: {
                        reason: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OffboardingPreview"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Offboarding"];
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Offboarding"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOffboardingsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Offboarding"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postOffboardingsByIdComplete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Offboarding"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postOffboardingsByIdReopen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Offboarding"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOffboardingsByIdTask: {
        parameters: {
            query: {
                app: string;
                instance?: string;
                email?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OffboardingTaskRef"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postOffboardingsByIdTasksByTaskIdDone: {
        parameters: {
            query?: {
                wait?: "true" | "false";
            };
            header?: never;
            path: {
                id: number;
                taskId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Offboarding"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postOffboardingsByIdTasksByTaskIdRetry: {
        parameters: {
            query?: {
                wait?: "true" | "false";
            };
            header?: never;
            path: {
                id: number;
                taskId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Offboarding"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOffboardingConfirm: {
        parameters: {
            query?: {
                token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postOffboardingConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBackup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExpensesRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ExpenseRule"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postExpensesRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "match" | "ignore";
                    app?: string;
                    /** @enum {string} */
                    field: "vendor" | "description";
                    /** @enum {string} */
                    op: "contains" | "equals" | "regex";
                    value: string;
                    priority?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseRule"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteExpensesRulesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postExpensesRulesTest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id: number;
                } | {
                    /** @enum {string} */
                    action: "match" | "ignore";
                    app?: string;
                    /** @enum {string} */
                    field: "vendor" | "description";
                    /** @enum {string} */
                    op: "contains" | "equals" | "regex";
                    value: string;
                    priority?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseRuleTest"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putExpensesLinesByIdApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    app: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseLineApp"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExpensesSummary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseSummary"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExpensesAppsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseAppSpendDetail"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExpensesLinesCsv: {
        parameters: {
            query?: {
                status?: "matched" | "unmatched" | "ignored" | "duplicate" | "excluded" | "itemised";
                app?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, streamed; cells that a spreadsheet would read as formulas are escaped */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflowsSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflowsFields: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            name: string;
                            /** @enum {string} */
                            type: "text" | "number" | "date" | "boolean";
                            description: string;
                        }[];
                        nextCursor: string | null;
                        readable: {
                            [key: string]: ("person" | "account" | "app" | "license" | "source")[];
                        };
                    };
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflows: {
        parameters: {
            query?: {
                name?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WorkflowSummary"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWorkflows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowDocumentInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        version: number;
                        document: components["schemas"]["WorkflowDocument"];
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflowsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowDocument"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putWorkflowsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowDocumentInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        version: number;
                        document: components["schemas"]["WorkflowDocument"];
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflowsByIdVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            version: number;
                            document: unknown;
                            savedBy: string;
                            savedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWorkflowsByIdEnable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        enabled: boolean;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWorkflowsByIdDisable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        enabled: boolean;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflowsByIdRuns: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WorkflowRun"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflowsByIdTest: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The id (a name goes in the list’s `name` filter) */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        workflow: string;
                        matching: number;
                        items: {
                            entity: {
                                [key: string]: unknown;
                            };
                            actions: {
                                id: string;
                                type: string;
                                summary: string;
                                requests: {
                                    method: string;
                                    url: string;
                                    status: number | null;
                                    detail?: string;
                                }[];
                            }[];
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postWorkflowRunsByIdRetry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @enum {string} */
                        status: "queued";
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postExtensionEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionEventBatchInput"];
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batchId: string;
                        accepted: number;
                        ignored: number;
                        duplicate: boolean;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExtensionConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: string;
                        orgDomains: string[];
                        apps: {
                            app: string;
                            domains: string[];
                        }[];
                        version: string;
                    };
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postExtensionEnroll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                        email: string;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExtensionStatus: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtensionStatus"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postExtensionRemind: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default 14 */
                    days?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sent: string[];
                        skipped: string[];
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExtensionTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ExtensionToken"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postExtensionTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                } | {
                    /** @enum {boolean} */
                    enrollment: true;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @enum {string} */
                        kind: "reporting" | "enrollment";
                        email: string | null;
                        /** @enum {string} */
                        issuedVia: "admin" | "link" | "sso" | "enrollment";
                        createdBy: string;
                        createdAt: string;
                        lastUsedAt: string | null;
                        token: string;
                    };
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteExtensionTokensById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExtensionConnect: {
        parameters: {
            query?: {
                return_to?: string;
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postExtensionConnectEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The extension’s connected.html, where the token is handed over */
                    return_to: string;
                    state: string;
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExtensionConnectLink: {
        parameters: {
            query?: {
                token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postExtensionConnectLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExtensionConnectSso: {
        parameters: {
            query: {
                /** @description The extension’s connected.html, where the token is handed over */
                return_to: string;
                state: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkflowCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ActionCredentialsState"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putWorkflowCredentialsByType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type: string;
            };
            cookie?: never;
        };
        /** @description The credentials, as the action describes them (slack.message: {"botToken": "xoxb-…"}) */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionCredentialsState"];
                };
            };
            /** @description Invalid input: each problem names its field or row */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token or session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests; `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Any other failure, in the same shape */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
