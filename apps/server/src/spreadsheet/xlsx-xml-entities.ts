/** Malformed XML; the reader reports the workbook as unreadable. */
export class XmlError extends Error {}

// A Map, not an object literal: `&constructor;` must not find Object's own properties.
const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+)?(;)?/g;

/** Replaces &amp; &lt; &#x4E2D; and the like; an unknown or unterminated entity is malformed XML. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, ref: string | undefined, semicolon: string | undefined) => {
    if (ref === undefined || semicolon === undefined) throw new XmlError('XML has a bare "&"');
    if (ref.charCodeAt(0) !== 0x23 /* # */) {
      const named = NAMED_ENTITIES.get(ref);
      if (named === undefined) throw new XmlError(`XML uses the undeclared entity &${ref};`);
      return named;
    }
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (!(code > 0 && code <= 0x10ffff)) throw new XmlError(`XML has an invalid character reference &${ref};`);
    return String.fromCodePoint(code);
  });
}
