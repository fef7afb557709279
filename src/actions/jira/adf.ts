/**
 * Plain text as Atlassian Document Format, which Jira's REST API v3 requires for `description`: one
 * paragraph per line, blank lines skipped. Text nodes carry the text as data, so nothing in it is markup.
 */
export interface AdfDocument {
  type: 'doc';
  version: 1;
  content: { type: 'paragraph'; content: { type: 'text'; text: string }[] }[];
}

export function adfFromText(text: string): AdfDocument {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
  return {
    type: 'doc',
    version: 1,
    // ADF refuses empty text nodes: a blank line is dropped, an empty paragraph has no content.
    content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
  };
}
