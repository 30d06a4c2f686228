import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import type { TSchema } from 'typebox';
import { SAFE_TEXT_PATTERN } from '@cradle/contract';
import { AppError, commonError } from './errors.js';

// The one way a route reads an uploaded file (imports, bank returns, attachments), so a form
// that is not one (no boundary, cut off, not in parts) is a 400 in both languages, never a 5xx.

type FileOptions = Parameters<FastifyRequest['file']>[0];
const SAFE_TEXT = new RegExp(SAFE_TEXT_PATTERN, 'u');

/** The form's one file, or undefined for an empty form; its name is text the database can store. */
export async function uploadedFile(req: FastifyRequest, options?: FileOptions): Promise<MultipartFile | undefined> {
  let file: MultipartFile | undefined;
  try {
    file = await req.file(options);
  } catch (err) {
    throw uploadFailure(err);
  }
  if (file && !SAFE_TEXT.test(file.filename)) {
    file.file.resume();
    throw commonError('upload.badFileName');
  }
  return file;
}

/**
 * What a failure while reading a form means. Busboy's own (no boundary, "Unexpected end of
 * multipart data") are plain Errors with neither status nor code: the form is malformed. Fastify's
 * and the plugin's carry a code (errors.ts names them), the file system's an errno code: they pass.
 */
export function uploadFailure(err: unknown): unknown {
  if (err instanceof AppError || !(err instanceof Error)) return err;
  const { statusCode, code } = err as { statusCode?: unknown; code?: unknown };
  return statusCode === undefined && code === undefined ? commonError('upload.malformed') : err;
}

/**
 * The form a route takes, for the API document only (`config.swaggerTransform`): Fastify must
 * not validate a multipart body, which the route reads as a stream.
 */
export const documentForm =
  (form: TSchema) =>
  ({ schema, url }: { schema: object; url: string }) => ({ url, schema: { ...schema, body: form } });

/** The kinds of file the console's upload forms take, known by their first bytes, not their names. */
export type UploadMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';
const TYPE_NAMES: Record<UploadMediaType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffMediaType(bytes: Buffer): UploadMediaType | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(PNG_MAGIC)) return 'image/png';
  return null;
}

export type UploadRefusal = 'noFile' | 'tooLarge' | 'wrongType';

export interface ReadUploadOptions {
  maxBytes: number;
  types: readonly UploadMediaType[];
  /** A module's own words for a refusal where they differ from the shared ones (errors.ts `upload.*`). */
  refusals?: Partial<Record<UploadRefusal, () => AppError>>;
}

export interface UploadedFile {
  bytes: Buffer;
  /** As sent: the caller cleans it for storing (http/ cleanFileName). */
  fileName: string;
  mediaType: UploadMediaType;
}

const listed = (names: string[], or: string, sep: string) =>
  names.length > 1 ? `${names.slice(0, -1).join(sep)}${or}${names[names.length - 1]}` : (names[0] ?? '');

function refusal(kind: UploadRefusal, { maxBytes, types, refusals }: ReadUploadOptions): AppError {
  const own = refusals?.[kind];
  if (own) return own();
  if (kind === 'noFile') return commonError('upload.noFile');
  if (kind === 'tooLarge') {
    const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
    return commonError(
      'upload.tooLarge',
      { maxBytes },
      {
        zh: `文件不能超过 ${mb} MB；未保存任何内容`,
        en: `A file may be at most ${mb} MB; nothing was saved`,
      },
    );
  }
  const names = types.map((t) => TYPE_NAMES[t]);
  return commonError(
    'upload.wrongType',
    { types },
    {
      zh: `只能上传 ${listed(names, ' 或 ', '、')} 文件`,
      en: `Only ${listed(names, ' or ', ', ')} files can be uploaded`,
    },
  );
}

/**
 * A form's one file read into memory, for the small attachments (a scan, a photo) routes keep
 * encrypted. Its own size limit, not the app-wide one (200 MB, for registry imports): over it the
 * stream is cut short and the whole file refused, so nothing partial is written. An empty file
 * or one whose first bytes are not of `types` is refused whatever its name says.
 */
export async function readUploadedFile(req: FastifyRequest, options: ReadUploadOptions): Promise<UploadedFile> {
  const part = await uploadedFile(req, {
    limits: { fileSize: options.maxBytes, files: 1, fields: 2 },
    throwFileSizeLimit: false,
  });
  if (!part) throw refusal('noFile', options);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
  } catch (err) {
    throw uploadFailure(err);
  }
  const bytes = Buffer.concat(chunks);
  if (part.file.truncated || bytes.length > options.maxBytes) throw refusal('tooLarge', options);
  const mediaType = bytes.length > 0 ? sniffMediaType(bytes) : null;
  if (!mediaType || !options.types.includes(mediaType)) throw refusal('wrongType', options);
  return { bytes, fileName: part.filename, mediaType };
}
