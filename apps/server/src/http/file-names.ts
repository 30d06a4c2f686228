/**
 * Characters no file name needs, which make a name lie about itself or break what shows it: C0
 * and C1 controls, format characters (the bidirectional embeddings, overrides and isolates
 * U+202A–U+202E and U+2066–U+2069, the marks U+200E, U+200F and U+061C, zero-width ones, the
 * byte-order mark), line and paragraph separators, lone surrogates. "invoice\u202Efdp.exe" shows
 * as "invoiceexe.pdf"; without U+202E it shows what it is.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
// Quotes and angle brackets: a name goes into headers, HTML and audit details, never as markup.
const MARKUP = /[<>"'`]/g;

/**
 * A user-supplied file name as Cradle stores and shows it: the last path segment, without
 * hidden characters or markup, trimmed, at most `max` characters (from the end, which holds the
 * extension). May be empty: the caller decides what an unnamed file is called.
 */
export function cleanFileName(raw: string, max = 100): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  return [...base.replace(HIDDEN, '').replace(MARKUP, '').trim()].slice(-max).join('').trim();
}

// RFC 5987 attr-char: letters, digits and !#$&+-.^_`|~; everything else percent-encoded as UTF-8.
const encodeExtValue = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Content-Disposition for a download under a user-supplied name (RFC 6266): `filename*` carries
 * the cleaned name in UTF-8 (RFC 5987), `filename` an ASCII name for clients without it — the
 * name itself when it is plain ASCII, else `fallback`.
 */
export function attachmentDisposition(fileName: string, fallback: string): string {
  const name = cleanFileName(fileName, 200) || fallback;
  const ascii = /^[\x20-\x7e]+$/.test(name) && !/[\\;]/.test(name) ? name : fallback;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
