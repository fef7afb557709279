import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTemplate, TemplateError, templateFields, templateText } from './template.js';

const scope = {
  person: { name: 'Maya <b>Chen</b>', email: 'maya@acme.io', emails: ['maya@acme.io', 'mc@acme.io'] },
  app: { name: 'Slack & Co' },
  actions: { ticket: { key: 'OPS-12' } },
};

describe('action templates', () => {
  it('fills fields from the scope, dotted paths and earlier actions’ outputs included', () => {
    expect(
      renderTemplate('Remove {{person.email}} from {{app.name}} ({{actions.ticket.key}})', scope, 'text'),
    ).toBe('Remove maya@acme.io from Slack & Co (OPS-12)');
    expect(renderTemplate('{{ person.emails }}', scope, 'text')).toBe('maya@acme.io, mc@acme.io');
    expect(renderTemplate('[{{person.missing}}]', scope, 'text')).toBe('[]');
    // A prototype's property is not a field.
    expect(renderTemplate('[{{person.constructor}}]', scope, 'text')).toBe('[]');
  });

  it('escapes per destination: HTML, Slack’s &<>, nothing for plain text', () => {
    expect(renderTemplate('<p>{{person.name}} & {{app.name}}</p>', scope, 'html')).toBe(
      '<p>Maya &lt;b&gt;Chen&lt;/b&gt; & Slack &amp; Co</p>',
    );
    expect(renderTemplate('Hi {{person.name}}', scope, 'slack')).toBe('Hi Maya &lt;b&gt;Chen&lt;/b&gt;');
    expect(renderTemplate('Hi {{person.name}}', scope, 'text')).toBe('Hi Maya <b>Chen</b>');
  });

  it('lists the fields a template uses, once each, in order', () => {
    expect(templateFields('{{app.name}}: {{ person.email }} {{app.name}} {{actions.ticket.key}}')).toEqual([
      'app.name',
      'person.email',
      'actions.ticket.key',
    ]);
    expect(templateFields('no fields')).toEqual([]);
  });

  it('refuses tags other than {{field}}, naming where, so no value can skip the escaping', () => {
    for (const [text, words] of [
      ['{{{person.name}}}', 'may only use {{field}} tags'],
      ['{{& person.name}}', 'may only use {{field}} tags'],
      ['{{#person}}x{{/person}}', 'may only use {{field}} tags'],
      ['{{> partial}}', 'may only use {{field}} tags'],
      ['{{=<% %>=}}', 'may only use {{field}} tags'],
      ['{{.}}', 'is not a field'],
      ['Hi {{person.name', 'is not a valid template'],
    ] as const) {
      const parsed = templateText.safeParse(text);
      expect(parsed.success, text).toBe(false);
      expect(parsed.error?.issues[0]?.message).toContain(words);
      expect(() => renderTemplate(text, scope, 'html')).toThrow(TemplateError);
      expect(() => templateFields(text)).toThrow(TemplateError);
    }
    expect(templateText.safeParse('Offboard {{person.name}}').success).toBe(true);
  });

  it('no field value can add markup to the HTML part', () => {
    fc.assert(
      fc.property(valueText, (value) => {
        const html = renderTemplate('<p title="{{v}}">{{v}}</p>', { v: value }, 'html');
        const inner = html.slice('<p title="'.length, -'</p>'.length);
        // Nothing the value holds can open or close a tag or an attribute, and the reader sees the value.
        const [attribute, text, ...more] = inner.split('">');
        return (
          more.length === 0 &&
          !/[<>"']/.test(`${attribute}${text}`) &&
          decodeHtml(attribute ?? '') === value &&
          decodeHtml(text ?? '') === value
        );
      }),
    );
  });

  it('no field value can become a Slack mention, link or channel ping', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          valueText,
          fc.constantFrom(
            '<!channel>',
            '<!here>',
            '<@U123>',
            '<https://evil.example|click>',
            '&lt;!channel&gt;',
          ),
        ),
        (value) => {
          const text = renderTemplate('Note: {{v}}', { v: value }, 'slack');
          const body = text.slice('Note: '.length);
          expect(body).not.toMatch(/[<>]/);
          // Slack reads &amp; &lt; &gt; back as the characters: the person sees exactly the value.
          expect(body.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(value);
        },
      ),
    );
  });
});

/** Any text, with markup's and Slack's special characters much more often than chance would give them. */
const valueText = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '`', '=', '!', '@', '|', '#', ';', 'a', ' ') }),
);

function decodeHtml(text: string): string {
  const entities: Record<string, string> = {
    '&amp;': '&',
    '&lt;': '<',
    '&gt;': '>',
    '&quot;': '"',
    '&#39;': "'",
    '&#96;': '`',
    '&#61;': '=',
  };
  return text.replace(/&(amp|lt|gt|quot|#39|#96|#61);/g, (e) => entities[e] ?? e);
}
