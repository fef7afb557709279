/** A setting Roster cannot start with. Its own file: the CLI reports it without loading the settings' schema. */
export class ConfigError extends Error {}
