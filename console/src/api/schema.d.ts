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
        get: {
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
            };
        };
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
        get: {
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
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Readiness"];
                    };
                };
            };
        };
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
        get: {
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is calling */
        get: {
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create the first admin with the one-time setup token printed at first start */
        post: {
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
            };
        };
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
        get: {
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
            };
        };
        put?: never;
        /** Sign in with a one-time link token (the link page posts it), then go to the console */
        post: {
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this browser session */
        post: {
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session/sign-out-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of the signed-in member, on every device */
        post: {
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password (local accounts); starts a browser session */
        post: {
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set or reset a local password with a one-time password link */
        post: {
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
            };
        };
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
        get: {
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
            };
        };
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
        get: {
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organisation settings */
        get: {
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change organisation settings (configured domains decide who is external) */
        patch: {
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
            };
        };
        trace?: never;
    };
    "/api/employees/source": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The employee source of truth: which sources decide who is an employee, and why */
        get: {
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
            };
        };
        /** Choose the employee source of truth (a source name or id; null for the default rule) */
        put: {
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
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/source-kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Source kinds and what each can tell (the capability matrix) */
        get: {
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
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List sources with health ("needs attention" and why) */
        get: {
            parameters: {
                query?: {
                    includeDisconnected?: "true" | "false";
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
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a source */
        post: {
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One source, by id or name */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ref: string;
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
            };
        };
        put?: never;
        post?: never;
        /** Remove (disconnect) a source; what it reported is kept */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ref: string;
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
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a source's name, config, credentials or schedule (audited)
         * @description config replaces the whole config. credentials are merged field by field over the stored ones: a field left out or empty keeps its stored value. The answer tells only whether credentials are set.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ref: string;
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
            };
        };
        trace?: never;
    };
    "/api/sources/{ref}/sync": {
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
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ref: string;
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{ref}/removal-threshold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set how many removals a sync of this source may make before it is held for confirmation */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ref: string;
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
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{ref}/held-run/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply the source's held sync run, removals included, exactly as it was fetched */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ref: string;
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{ref}/held-run/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Discard the source's held sync run; nothing of it is applied */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ref: string;
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/csv": {
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
        post: {
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
            requestBody?: never;
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/custom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Push a full snapshot of a custom app's users and licenses (Roster's or Torii's JSON shape) */
        post: {
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sync runs, newest first */
        get: {
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One sync run with its counters and errors */
        get: {
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List apps (search by name, sort by a column, cursor pagination) */
        get: {
            parameters: {
                query?: {
                    search?: string;
                    cursor?: string;
                    limit?: number;
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
            };
        };
        put?: never;
        /** Add an app by hand (linked to the catalog when the name matches, else a custom app) */
        post: {
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/apps/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One app with its license types and accounts (each account as the app names it) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    includeRemoved?: "true" | "false";
                };
                header?: never;
                path: {
                    ref: string;
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an app's inactivity threshold (days without use; null for the organisation default) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ref: string;
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
            };
        };
        trace?: never;
    };
    "/api/apps/{ref}/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set an app's owners (emails); app-owner members and tokens for these emails see this app */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    ref: string;
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
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (search by any email or name, sort by a column, cursor pagination) */
        get: {
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{email}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person by any of their emails, with every account of every email (active and removed) */
        get: {
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merge/alias-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The alias fields Merge Users can read, per source kind (managedOnly: only addresses of the organisation’s domains count) */
        get: {
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
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merge/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Merge Users: the full changes report for the configured alias sources */
        get: {
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merge/configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Choose the alias sources (per identity source, its alias fields); answers the new report, applies nothing */
        put: {
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
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merge/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn Merge Users on with the configured alias sources */
        post: {
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merge/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn Merge Users off, restoring every user exactly */
        post: {
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/merge/preview/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email the full changes report (to the signed-in admin, or to `to`) */
        post: {
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/licenses/inactive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inactive licenses with their reason (who, which email, app, license type, last used and its source) */
        get: {
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/licenses/inactive/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inactive and usage-unknown license counts per app, by reason */
        get: {
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
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/licenses/inactive.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All inactive licenses as CSV (streamed; cells safe from spreadsheet formulas) */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/explain/{what}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Why a figure is what it is: how it was computed, from which sources, what is missing */
        get: {
            parameters: {
                query?: {
                    app?: string;
                    email?: string;
                };
                header?: never;
                path: {
                    what: "app-users" | "app-licenses" | "app-usage" | "inactive" | "user-count" | "offboarding-apps" | "offboarding";
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Roster's catalog of known SaaS apps */
        get: {
            parameters: {
                query?: {
                    search?: string;
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
                            items: components["schemas"]["CatalogEntry"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active API tokens (never their secrets) */
        get: {
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
                            items: components["schemas"]["Token"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API token; the secret is in this response only */
        post: {
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token; it stops working at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
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
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Admin members and their roles */
        get: {
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
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add an admin member with a role */
        post: {
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/{email}": {
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
        patch: {
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
            };
        };
        trace?: never;
    };
    "/api/members/{email}/sign-in-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A one-time sign-in link (30 minutes) for an admin member; on an installation without an admin, it makes this email the first admin (audited) */
        post: {
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/{email}/password-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A one-time token (30 minutes) with which an admin member sets or resets a local password at setPasswordUrl (audited) */
        post: {
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organisation-wide counts (apps, people, licenses, inactive licenses, spend), license use per app (the 12 with most licenses), inactive licenses by reason, apps discovered per month */
        get: {
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/offboarding/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People who became past in the employee source of truth and are not offboarded yet */
        get: {
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
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/offboarding/drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts active again after their person was offboarded (needs attention) */
        get: {
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
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/offboarding/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How apps are offboarded, where an admin chose (other apps: automatic where possible, else manual) */
        get: {
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
                        };
                    };
                };
            };
        };
        /** Set an app's (or one instance's) offboarding method */
        put: {
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
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/offboardings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Offboardings, newest first; `email` finds the one of a person (any of their emails) */
        get: {
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
                        };
                    };
                };
            };
        };
        put?: never;
        /** Start offboarding a person: one task per account of every email, in every app, any status. `dryRun` lists the tasks and every request automatic ones would make, and changes nothing */
        post: {
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
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Offboarding"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/offboardings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One offboarding with its tasks */
        get: {
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/offboardings/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the offboarding done (tasks that finish later are still recorded) */
        post: {
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/offboardings/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-open a completed offboarding */
        post: {
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/offboardings/{id}/tasks/{taskId}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one task done */
        post: {
            parameters: {
                query?: never;
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/offboardings/{id}/tasks/{taskId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry a failed task */
        post: {
            parameters: {
                query?: never;
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
            };
        };
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
        get: {
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
            };
        };
        put?: never;
        /** An app owner confirms the account is removed (the link's page posts its token) */
        post: {
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
            };
        };
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
            owners: string[];
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
            apps: number;
            people: number;
            licenses: number;
            inactiveLicenses: number;
            usageUnknownLicenses: number;
            annualLicenseCost: number | null;
            spend: number | null;
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
            owners: string[];
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
            apps: number;
            people: number;
            licenses: number;
            inactiveLicenses: number;
            usageUnknownLicenses: number;
            annualLicenseCost: number | null;
            spend: number | null;
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
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
