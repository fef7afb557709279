/** A database whose migrations this Roster cannot run against (edited, unknown or, read-only, pending). */
export class MigrationError extends Error {}
