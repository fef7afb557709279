import { describe, expect, it } from 'vitest';
import { normaliseDescriptor, normaliseText } from './normalise.js';

/** Descriptors as card statements print them, and the merchant words Roster keeps. */
const statementDescriptors: [string, string][] = [
  ['SQ *ACME ANALYTICS 855-555-0100 SAN FRANCISCO CA', 'ACME ANALYTICS'],
  ['PAYPAL *NOTION LABS 402-935-7733 CA', 'NOTION LABS'],
  ['TST* BLUE BOTTLE COFFEE', 'BLUE BOTTLE COFFEE'],
  ['SP DIGITALOCEAN', 'DIGITALOCEAN'],
  ['SP * GUMROAD', 'GUMROAD'],
  ['PADDLE.NET* N8N CLOUD', 'N8N CLOUD'],
  ['FS *SKETCH', 'SKETCH'],
  ['SLACK T0123ABCD 4155550100 CA', 'SLACK'],
  ['ZOOM.US 888-799-9666 SAN JOSE CA', 'ZOOM'],
  ['GOOGLE *GSUITE_acme.com CC@GOOGLE.COM CA', 'GOOGLE GSUITE ACME COM'],
  ['GOOGLE *CLOUD ABCDEF', 'GOOGLE CLOUD ABCDEF'],
  ['AMZN Mktp US*2K4HG7L21 Amzn.com/bill WA', 'AMZN MKTP US AMZN COM BILL'],
  ['ADOBE *ACROPRO SUBS 408-536-6000 CA', 'ADOBE ACROPRO SUBS'],
  ['ATLASSIAN 415-701-1110 CA', 'ATLASSIAN'],
  ['GITHUB, INC. 4157356600 CA', 'GITHUB'],
  ['DROPBOX*ABC123XYZ DROPBOX.COM CA', 'DROPBOX DROPBOX COM'],
  ['BOX.COM 877-729-4269 CA', 'BOX COM'],
  ['MICROSOFT*OFFICE 365 REDMOND WA', 'MICROSOFT OFFICE 365'],
  ['HUBSPOT INC 888-482-7768 MA', 'HUBSPOT'],
  ['Figma Inc. +1 (415) 890-5404', 'FIGMA'],
  ['NOTION CAPITAL LLP LONDON GB', 'NOTION CAPITAL'],
  ['AWS EMEA aws.amazon.co LU', 'AWS EMEA AWS AMAZON'],
  ['SALESFORCE.COM 800-667-6389 CA', 'SALESFORCE COM'],
  ['Intercom R&D Unlimited Dublin IE', 'INTERCOM R&D UNLIMITED'],
  ['MAILCHIMP *MONTHLY #1234567', 'MAILCHIMP MONTHLY'],
  ['LINKEDIN-123456789 LINKEDIN.COM CA', 'LINKEDIN LINKEDIN COM'],
  ['Café Zürich GmbH', 'CAFE ZURICH'],
  ["MCDONALD'S 1234", 'MCDONALDS'],
];

describe('normaliseText', () => {
  it.each(statementDescriptors)('%s → %s', (raw, expected) => {
    expect(normaliseText(raw)).toBe(expected);
  });

  it('keeps names that hold digits and short numbers: they are the merchant, not a reference', () => {
    expect(normaliseText('360LEARNING PARIS FR')).toBe('360LEARNING');
    expect(normaliseText('8X8 INC')).toBe('8X8');
    expect(normaliseText('15FIVE')).toBe('15FIVE');
    expect(normaliseText('DESIRE2LEARN')).toBe('DESIRE2LEARN');
    expect(normaliseText('MSFT *MICROSOFT 365')).toBe('MSFT MICROSOFT 365');
  });

  it("never drops a merchant's only word for looking like a place or a prefix", () => {
    expect(normaliseText('CA')).toBe('CA');
    expect(normaliseText('SQ *')).toBe('SQ');
  });
});

describe('normaliseDescriptor', () => {
  it('puts the description after the vendor, behind a separator, when it adds words', () => {
    expect(normaliseDescriptor('SQ *ACME', 'Annual plan')).toBe('ACME | ANNUAL PLAN');
    expect(normaliseDescriptor('FIGMA INC', 'Figma')).toBe('FIGMA');
    expect(normaliseDescriptor('', 'Zoom.us subscription')).toBe('ZOOM US SUBSCRIPTION');
  });
});
