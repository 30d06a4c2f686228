import { describe, expect, it } from 'vitest';
import { XmlError, XmlTokenizer, type XmlHandler } from './xlsx-xml.js';

type Event = ['open', string, Record<string, string | undefined>] | ['close', string] | ['text', string];

// Records every event, adjacent texts joined (the tokenizer may split one text node).
function eventsOf(chunks: readonly string[], wanted: readonly string[] = ['r', 't', 'id', 'v']): Event[] {
  const events: Event[] = [];
  const handler: XmlHandler = {
    open: (name, a) =>
      events.push([
        'open',
        name,
        Object.fromEntries(wanted.flatMap((w) => (a.get(w) === undefined ? [] : [[w, a.get(w)]]))),
      ]),
    close: (name) => events.push(['close', name]),
    text: (text) => {
      const last = events.at(-1);
      if (last?.[0] === 'text') last[1] += text;
      else events.push(['text', text]);
    },
  };
  const xml = new XmlTokenizer(handler);
  for (const chunk of chunks) xml.write(chunk);
  xml.end();
  return events;
}

const DOC =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment with <tags> -->' +
  `<x:sheet xmlns:x="urn:x" r:id='rId1' v = "a &gt; b &amp;&#x4E2D;"><row r="1"><c t="s"><v>12</v></c><c/>` +
  '<t xml:space="preserve"> 中文 &lt;&#20013;&gt; <![CDATA[<raw> & text]]></t></row></x:sheet>';

describe('the XML tokenizer', () => {
  it('gives elements by local name, attributes decoded, and text with entities decoded', () => {
    expect(eventsOf([DOC])).toEqual([
      ['text', '\n'],
      ['open', 'sheet', { id: 'rId1', v: 'a > b &中' }],
      ['open', 'row', { r: '1' }],
      ['open', 'c', { t: 's' }],
      ['open', 'v', {}],
      ['text', '12'],
      ['close', 'v'],
      ['close', 'c'],
      ['open', 'c', {}],
      ['close', 'c'],
      ['open', 't', {}],
      ['text', ' 中文 <中> <raw> & text'],
      ['close', 't'],
      ['close', 'row'],
      ['close', 'sheet'],
    ]);
  });

  it('gives the same events wherever the input is split into chunks', () => {
    const whole = eventsOf([DOC]);
    for (let i = 0; i <= DOC.length; i++) expect(eventsOf([DOC.slice(0, i), DOC.slice(i)])).toEqual(whole);
    for (let size = 1; size <= 7; size++) {
      const chunks = Array.from({ length: Math.ceil(DOC.length / size) }, (_, k) =>
        DOC.slice(k * size, (k + 1) * size),
      );
      expect(eventsOf(chunks)).toEqual(whole);
    }
  });

  it('refuses malformed XML', () => {
    for (const bad of [
      '<a>',
      '<a></a></b>',
      '<a b="1></a>',
      '<a b=1></a>',
      '<a>&nbsp;</a>',
      '<a>&amp</a>',
      '<!DOCTYPE a><a/>',
      '<a>&#0;</a>',
      '<a/ >',
    ]) {
      expect(() => eventsOf([bad]), bad).toThrow(XmlError);
    }
  });
});
