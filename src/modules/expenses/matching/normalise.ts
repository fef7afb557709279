/**
 * Card descriptors as statements print them ("SQ *ACME ANALYTICS 855-555-0100 SAN FRANCISCO CA") reduced to
 * the words that name the merchant ("ACME ANALYTICS"), so one app's lines from every card, processor and
 * city share one form, and catalog aliases go through the same function to compare with them.
 */

/**
 * Payment processors and marketplaces that print their own tag before the merchant's name: the tag names
 * who took the payment, not what was bought, so it goes. (Platforms that sell their own products under
 * their tag — "GOOGLE *", "MSFT *", "ADOBE *" — keep it: "GOOGLE *CLOUD" is Google Cloud, not "CLOUD".)
 */
const processorPrefixes: readonly RegExp[] = [
  /^SQ\s*\*\s*/, // Square
  /^SQU\s*\*\s*/,
  /^PAYPAL\s*\*\s*/,
  /^PP\s*\*\s*/, // PayPal, short form
  /^TST\s*\*\s*/, // Toast
  /^SP\s*\*\s*/, // Shopify Payments
  /^SP\s+/, // Shopify Payments without the star ("SP DIGITAL OCEAN")
  /^PADDLE\.NET\s*\*\s*/, // Paddle, merchant of record for many SaaS vendors
  /^PADDLE\s*\*\s*/,
  /^FS\s*\*\s*/, // FastSpring
  /^FSPRG\s*\*?\s*/,
  /^2CO\.COM\s*\*\s*/, // 2Checkout / Verifone
  /^2CO\s*\*\s*/,
  /^LS\s*\*\s*/, // Lemon Squeezy
  /^CKO\s*\*\s*/, // Checkout.com
  /^STRIPE\s*\*\s*/,
  /^IN\s*\*\s*/, // Intuit payments
  /^DNH\s*\*\s*/, // GoDaddy
  /^PY\s*\*\s*/,
  /^BT\s*\*\s*/, // Braintree
  /^WPY\s*\*\s*/, // WePay
  /^ZTL\s*\*\s*/,
  /^PAYPRO\s*\*\s*/,
  /^CHARGEBEE\s*\*\s*/,
  /^RECURLY\s*\*\s*/,
  /^APPLE\.COM\/BILL\s*\*?\s*/,
];

/** Phone numbers: North American (855-555-0100, (855) 555 0100, 8555550100) and international (+44 20 7946 0000). */
const phoneNumbers = [
  /(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/g,
  /\+\d{1,3}(?:[\s.-]?\d{2,5}){2,5}\b/g,
];

/** Company-form words: "FIGMA INC" and "FIGMA" are one merchant. */
const legalForms = new Set([
  'INC',
  'INCORPORATED',
  'LLC',
  'LLP',
  'LTD',
  'LIMITED',
  'CORP',
  'CORPORATION',
  'CO',
  'COMPANY',
  'GMBH',
  'AG',
  'BV',
  'NV',
  'SA',
  'SAS',
  'SARL',
  'SRL',
  'SL',
  'PLC',
  'PTY',
  'AB',
  'AS',
  'OY',
  'KK',
  'ULC',
]);

/** Words of web addresses and statement boilerplate that name nothing. */
const noiseWords = new Set(['WWW', 'HTTP', 'HTTPS', 'RECURRING', 'PURCHASE', 'POS', 'DEBIT', 'CARD']);

/** US states, Canadian provinces and the country codes statements print after the city. */
const placeCodes = new Set([
  ...'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(
    ' ',
  ),
  ...'AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '),
  ...'US USA GB GBR UK IE IRL NL NLD DE DEU FR FRA AU AUS SG SGP CAN LU LUX CH CHE SE SWE DK DNK NO NOR FI FIN ES ESP IT ITA IL ISR IN IND JP JPN NZ NZL BE BEL AT AUT PL POL PT PRT BR BRA MX MEX EE EST'.split(
    ' ',
  ),
]);

/**
 * Cities SaaS vendors bill from, as statements print them (often cut short). Only removed at the end of a
 * descriptor, after the merchant's name.
 */
const cities: readonly string[][] = [
  'SAN FRANCISCO',
  'SAN FRANCISC',
  'SAN FRANCISCOCA',
  'SAN JOSE',
  'SAN MATEO',
  'SAN DIEGO',
  'SAN MATEO',
  'SANTA CLARA',
  'SANTA MONICA',
  'MOUNTAIN VIEW',
  'MOUNTAIN VIE',
  'PALO ALTO',
  'MENLO PARK',
  'REDWOOD CITY',
  'SUNNYVALE',
  'CUPERTINO',
  'OAKLAND',
  'LOS ANGELES',
  'SEATTLE',
  'REDMOND',
  'BELLEVUE',
  'PORTLAND',
  'DENVER',
  'BOULDER',
  'AUSTIN',
  'DALLAS',
  'HOUSTON',
  'CHICAGO',
  'BOSTON',
  'CAMBRIDGE',
  'NEW YORK',
  'NEW YORK CITY',
  'NEWYORK',
  'BROOKLYN',
  'ATLANTA',
  'MIAMI',
  'LEHI',
  'SALT LAKE CITY',
  'DRAPER',
  'TORONTO',
  'VANCOUVER',
  'MONTREAL',
  'OTTAWA',
  'LONDON',
  'DUBLIN',
  'AMSTERDAM',
  'BERLIN',
  'MUNICH',
  'PARIS',
  'LUXEMBOURG',
  'STOCKHOLM',
  'COPENHAGEN',
  'SYDNEY',
  'MELBOURNE',
  'SINGAPORE',
  'TEL AVIV',
  'INTERNET',
  'ONLINE',
].map((c) => c.split(' '));

/** Upper case, accents and full-width forms folded, apostrophes dropped ("MCDONALD'S" → "MCDONALDS"). */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/['’`]/g, '');
}

function stripProcessorPrefixes(text: string): string {
  let out = text.trimStart();
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of processorPrefixes) {
      const next = out.replace(prefix, '');
      if (next !== out && next.trim() !== '') {
        out = next;
        changed = true;
      }
    }
  }
  return out;
}

const digitCount = (token: string) => token.replace(/\D/g, '').length;
/** Runs of letters and digits alternating ("2K4HG7L21" has six changes; "360LEARNING" one). */
const kindChanges = (token: string) => token.split(/(?<=\d)(?=[A-Z])|(?<=[A-Z])(?=\d)/).length - 1;

/**
 * Order, invoice, store and transaction numbers: numbers of four digits or more, tokens with four digits or more, and codes that
 * mix letters and digits back and forth. Short numbers and names with a digit stay: "MICROSOFT 365", "8X8",
 * "15FIVE", "DESIRE2LEARN".
 */
function isReference(token: string): boolean {
  if (/^\d+$/.test(token)) return token.length >= 4;
  if (digitCount(token) >= 4) return true;
  const changes = kindChanges(token);
  return token.length >= 6 && (changes >= 3 || (changes === 2 && digitCount(token) >= 2));
}

function endsWith(tokens: string[], tail: string[]): boolean {
  if (tail.length >= tokens.length) return false;
  return tail.every((t, i) => tokens[tokens.length - tail.length + i] === t);
}

/** Drops the city, state and country a statement prints after the merchant (never the merchant's only word). */
function stripTrailingPlaces(tokens: string[]): string[] {
  const out = [...tokens];
  for (let changed = true; changed && out.length > 1; ) {
    changed = false;
    const last = out[out.length - 1] as string;
    if (placeCodes.has(last)) {
      out.pop();
      changed = true;
      continue;
    }
    const city = cities.find((c) => endsWith(out, c));
    if (city) {
      out.splice(out.length - city.length, city.length);
      changed = true;
    }
  }
  return out;
}

/** One free-text field (vendor or description) as its merchant words. */
export function normaliseText(text: string): string {
  // An email address in a descriptor is the vendor's billing contact, not the merchant's name.
  let folded = stripProcessorPrefixes(fold(text)).replace(/\S+@\S+/g, ' ');
  for (const phone of phoneNumbers) folded = folded.replace(phone, ' ');
  const tokens = folded
    .split(/[^A-Z0-9&]+/)
    .map((t) => t.replace(/^&+|&+$/g, ''))
    .filter((t) => t !== '' && !legalForms.has(t) && !noiseWords.has(t) && !isReference(t));
  return stripTrailingPlaces(tokens).join(' ');
}

/** Separates the vendor's words from the description's: no alias matches across it. */
export const fieldSeparator = '|';

/**
 * A descriptor's normalised form: the vendor's merchant words, then the description's when they add
 * anything, separated by `|` ("ACME ANALYTICS | ANNUAL PLAN").
 */
export function normaliseDescriptor(vendor: string, description: string): string {
  const v = normaliseText(vendor);
  const d = normaliseText(description);
  if (d === '' || d === v) return v;
  if (v === '') return d;
  return `${v} ${fieldSeparator} ${d}`;
}
