/**
 * Merchants whose names start with, or contain, a catalog app's name but are not that app. A descriptor
 * naming one of them matches it (it is the longer, more specific name) and so stays unmatched instead of
 * feeding the shorter app: "NOTION CAPITAL" (a venture fund) is not Notion.
 */
export const otherMerchants: readonly string[] = [
  'NOTION CAPITAL',
  'BOX HILL',
  'BOXLUNCH',
  'ZOOMCAR',
  'ZOOM CAR',
  'SLACK WATER',
  'LOOM AND LEAF',
  'FRONT STREET',
  'MONDAY MARKET',
  'LINEAR MOTION',
];
