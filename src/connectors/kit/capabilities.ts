/** What a source kind can tell Roster. Shown as a matrix so "why is there no license data" answers itself. */
export const capabilityNames = [
  'users',
  'aliases',
  'licenseTypes',
  'purchasedSeats',
  'lastUsed',
  'employees',
  'expenses',
  'deprovisioning',
] as const;

export type Capability = (typeof capabilityNames)[number];
export type Capabilities = Readonly<Record<Capability, boolean>>;

export function capabilities(enabled: readonly Capability[]): Capabilities {
  return Object.fromEntries(capabilityNames.map((name) => [name, enabled.includes(name)])) as Capabilities;
}
