import type { Message } from '../errors.js';
import { registrationError, type FieldError } from './errors.js';

/** Our limit on a request, a reply or a completion note: a few paragraphs, short enough for an SMS summary to point to. */
export const MESSAGE_MAX_LENGTH = 1000;

/**
 * A message between the township and the family, or a worker's note: trimmed, at most
 * MESSAGE_MAX_LENGTH characters, no control characters but line breaks and no angle brackets
 * (they start markup and have no place here) — the rule the domain's checkTextAt applies to
 * the forms' free text, which the domain package does not export.
 */
export function freeText(field: string, label: Message, value: string | undefined, required: boolean): string | null {
  const text = (value ?? '').trim();
  const error = (code: string, message: Message): never => {
    throw registrationError('registration.textInvalid', [{ field, code, message } satisfies FieldError]);
  };
  if (text === '') return required ? error('text.required', { zh: `请填写${label.zh}`, en: `${label.en} is required` }) : null;
  const chars = [...text];
  if (chars.length > MESSAGE_MAX_LENGTH) {
    error('text.tooLong', { zh: `${label.zh}不能超过${MESSAGE_MAX_LENGTH}个字符，当前为${chars.length}个`, en: `${label.en} must be at most ${MESSAGE_MAX_LENGTH} characters; it has ${chars.length}` });
  }
  if (chars.some((c) => /[\p{Cc}<>]/u.test(c) && c !== '\n' && c !== '\t')) {
    error('text.invalidCharacters', { zh: `${label.zh}不能含有尖括号（< >）或控制字符`, en: `${label.en} must not contain angle brackets (< >) or control characters` });
  }
  return text;
}
