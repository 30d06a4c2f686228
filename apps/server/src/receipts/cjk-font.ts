import { existsSync, readFileSync } from 'node:fs';

// Receipts embed a subset of a CJK font, so Chinese renders in any viewer, on any printer,
// without the reader having a Chinese font. Noto Sans CJK ships as a collection (.ttc) of
// which we take the Simplified Chinese face.

export const CJK_FONT_ENV = 'CRADLE_CJK_FONT';
/** Only needed for another collection than Noto's: the PostScript name of the face to use. */
export const CJK_FONT_FACE_ENV = 'CRADLE_CJK_FONT_FACE';
export const DEFAULT_CJK_FACE = 'NotoSansCJKsc-Regular';

export const STANDARD_CJK_FONT_PATHS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', // Debian, Ubuntu: fonts-noto-cjk
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', // Arch: noto-fonts-cjk
  '/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc', // Fedora
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', // older Fedora, RHEL
];

export interface CjkFont {
  path: string;
  data: Buffer;
  /** The face within a collection; undefined for a single-face .ttf or .otf. */
  face: string | undefined;
}

export class CjkFontMissingError extends Error {}

export function findCjkFontPath(env: NodeJS.ProcessEnv = process.env, candidates = STANDARD_CJK_FONT_PATHS): string {
  const configured = env[CJK_FONT_ENV];
  if (configured) {
    // A configured path that is wrong is a mistake to report, not a reason to fall back silently.
    if (!existsSync(configured)) throw new CjkFontMissingError(`${CJK_FONT_ENV}=${configured}: no such font file`);
    return configured;
  }
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  throw new CjkFontMissingError(
    'No CJK font for receipts. Install the Debian package fonts-noto-cjk (apt-get install fonts-noto-cjk), ' +
      `or set ${CJK_FONT_ENV} to a font file with Simplified Chinese glyphs. Looked in: ${candidates.join(', ')}`,
  );
}

// The collection is about 20 MB: read it once per process, not once per receipt.
const loaded = new Map<string, Buffer>();

export function loadCjkFont(env: NodeJS.ProcessEnv = process.env): CjkFont {
  const path = findCjkFontPath(env);
  let data = loaded.get(path);
  if (!data) {
    data = readFileSync(path);
    loaded.set(path, data);
  }
  const isCollection = /\.(ttc|otc)$/i.test(path);
  return { path, data, face: isCollection ? env[CJK_FONT_FACE_ENV] || DEFAULT_CJK_FACE : undefined };
}
