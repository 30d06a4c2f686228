import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XmlError, XmlTokenizer, type XmlHandler } from './xlsx-xml.js';

// Properties of the tokenizer that reads every uploaded workbook part: what it gives back for
// well-formed input, and that hostile input fails only as XmlError, within its limits.

interface Parsed {
  events: string[];
  texts: string[];
  attributes: Record<string, string | undefined>[];
}

function parse(
  chunks: readonly string[],
  wanted: readonly string[] = [],
  limits?: ConstructorParameters<typeof XmlTokenizer>[1],
): Parsed {
  const parsed: Parsed = { events: [], texts: [], attributes: [] };
  let text: string | null = null;
  const flush = () => {
    if (text !== null) parsed.texts.push(text);
    text = null;
  };
  const handler: XmlHandler = {
    open: (name, a) => {
      flush();
      parsed.events.push(`<${name}>`);
      parsed.attributes.push(Object.fromEntries(wanted.map((w) => [w, a.get(w)])));
    },
    close: (name) => {
      flush();
      parsed.events.push(`</${name}>`);
    },
    text: (t) => (text = (text ?? '') + t),
  };
  const xml = new XmlTokenizer(handler, limits);
  for (const chunk of chunks) xml.write(chunk);
  xml.end();
  flush();
  return parsed;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Cuts s at the given fractions of its length: the tokenizer is fed chunk by chunk. */
const chunked = (s: string, cuts: readonly number[]) => {
  const at = [...new Set(cuts.map((c) => Math.floor(c * s.length)))].sort((a, b) => a - b);
  return [0, ...at].map((from, k) => s.slice(from, at[k] ?? s.length));
};
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 });
// Any text a cell may hold, astral characters and lone surrogates included.
const anyText = fc.string({ unit: 'binary', maxLength: 200 });
const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,8}$/);
const prefixed = fc.tuple(fc.option(name, { nil: undefined }), name).map(([p, n]) => (p ? `${p}:${n}` : n));

describe('the XML tokenizer, on any input', () => {
  it('gives back any text escaped and wrapped in an element, however the input is chunked', () => {
    fc.assert(
      fc.property(anyText, prefixed, cuts, (text, tag, at) => {
        const xml = `<${tag}>${escapeText(text)}</${tag}>`;
        expect(parse(chunked(xml, at)).texts.join('')).toBe(text);
      }),
    );
  });

  it('gives back any text as CDATA, and any attribute value escaped, in either quote', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('"', "'"), cuts, (text, quote, at) => {
        fc.pre(!text.includes(']]>'));
        const xml = `<t v=${quote}${escapeAttribute(text)}${quote}><![CDATA[${text}]]></t>`;
        const parsed = parse(chunked(xml, at), ['v']);
        expect(parsed.attributes[0]!.v).toBe(text);
        expect(parsed.texts.join('')).toBe(text);
      }),
    );
  });

  it('reads attributes the same in any order, quoting and spacing', () => {
    const attribute = fc.record({
      name: prefixed,
      value: anyText,
      quote: fc.constantFrom('"', "'"),
      before: fc.constantFrom(' ', '\n', '\t ', '  '),
      around: fc.constantFrom('', ' ', '\r\n'),
    });
    const attributes = fc.uniqueArray(attribute, {
      minLength: 1,
      maxLength: 6,
      // get() takes names without their prefix, so the local names must differ.
      selector: (a) => a.name.slice(a.name.indexOf(':') + 1),
    });
    fc.assert(
      fc.property(attributes, fc.infiniteStream(fc.nat()), (list, random) => {
        const order = [...list].sort(() => (random.next().value % 3) - 1);
        const tag = (as: typeof list) =>
          `<c${as.map((a) => `${a.before}${a.name}${a.around}=${a.around}${a.quote}${escapeAttribute(a.value)}${a.quote}`).join('')}/>`;
        const local = list.map((a) => a.name.slice(a.name.indexOf(':') + 1));
        const expected = Object.fromEntries(list.map((a, k) => [local[k], a.value]));
        expect(parse([tag(list)], local).attributes[0]).toEqual(expected);
        expect(parse([tag(order)], local).attributes[0]).toEqual(expected);
      }),
    );
  });

  it('decodes only the five XML entities and character references; any other name is refused', () => {
    const entity = fc.oneof(
      fc.constantFrom('amp', 'lt', 'gt', 'quot', 'apos'),
      // Names an object literal answers to as well: a look-up table must not.
      fc.constantFrom('constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'),
      fc.stringMatching(/^[A-Za-z]{1,10}$/),
    );
    const known: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    fc.assert(
      fc.property(entity, (ref) => {
        const run = () => parse([`<t>a&${ref};b</t>`]).texts.join('');
        if (Object.hasOwn(known, ref)) expect(run()).toBe(`a${known[ref]}b`);
        else expect(run).toThrow(XmlError);
      }),
    );
  });

  it('fails any other input only with XmlError, and returns', () => {
    // Fragments of markup, so random input reaches every branch, not only plain text.
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('<', '>', '/', '</', '/>', '<!', '<?', '?>', '<!--', '-->', '<![CDATA[', ']]>', '<!DOCTYPE'),
      fc.constantFrom('&', ';', '&#', '&#x', '&amp;', '&#x10FFFF;', '&#x110000;', '&#99999999999;', '=', '"', "'"),
      fc.constantFrom(' ', 'a', 'x:r', 'c r="A1"', '<c>', '</c>', '<c/>'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), cuts, (pieces, at) => {
        try {
          parse(chunked(pieces.join(''), at));
        } catch (e) {
          expect(e).toBeInstanceOf(XmlError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('fails arbitrary bytes, decoded as a reader would, only with XmlError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), cuts, (bytes, at) => {
        const text = new TextDecoder('utf-8').decode(bytes);
        try {
          parse(chunked(text, at));
        } catch (e) {
          expect(e).toBeInstanceOf(XmlError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the XML tokenizer, within its limits', () => {
  const limits = { maxMarkupChars: 64, maxDepth: 8 };

  it('refuses markup longer than the limit however it is chunked, and passes text of any length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), cuts, (length, at) => {
        const tag = `<t v="${'x'.repeat(length)}"/>`;
        if (tag.length > limits.maxMarkupChars) expect(() => parse(chunked(tag, at), [], limits)).toThrow(XmlError);
        else expect(parse(chunked(tag, at), [], limits).events).toEqual(['<t>', '</t>']);
        const text = `<t>${'y'.repeat(length * 10)}</t>`;
        expect(parse(chunked(text, at), [], limits).texts.join('')).toHaveLength(length * 10);
      }),
    );
  });

  it('refuses elements nested deeper than the limit, and reads any nesting within it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), cuts, (depth, at) => {
        const xml = '<a>'.repeat(depth) + '</a>'.repeat(depth);
        if (depth > limits.maxDepth) expect(() => parse(chunked(xml, at), [], limits)).toThrow(XmlError);
        else expect(parse(chunked(xml, at), [], limits).events).toHaveLength(2 * depth);
      }),
    );
  });
});
