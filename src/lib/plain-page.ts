/**
 * A small page Roster serves outside the console (one-time links): plain HTML without script, so the
 * strict content security policy holds. `body` must already be safe HTML; callers only put fixed text and
 * values that match a strict pattern in it.
 */
export function plainPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1.5rem;cursor:pointer}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
