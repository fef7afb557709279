/** Why Merge Users left a candidate alone, as the report's rule codes read to an admin. */
export const ruleTexts: Record<string, string> = {
  employee: 'It is an employee: employees are never merged into others',
  multiple_primaries: 'More than one person claims it as an alias',
  has_aliases: 'It has aliases of its own (no alias-of-alias chains)',
};
