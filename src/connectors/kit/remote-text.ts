/**
 * A provider's own error text (Graph `error.message`, Okta `errorSummary`, an OAuth `error_description`)
 * as it may appear in a run's error: one line of at most `max` characters with control characters
 * removed, so an answer cannot flood or reshape the message readers see.
 */
export function remoteText(text: string | undefined, max = 300): string | undefined {
  if (!text) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  if (!line) return undefined;
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
