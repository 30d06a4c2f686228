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
