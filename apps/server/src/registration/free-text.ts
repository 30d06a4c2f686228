import { checkTextAt } from '@cradle/domain';
import type { Message } from '../errors.js';
import { registrationError } from './errors.js';

/** Our limit on a request, a reply or a completion note: a few paragraphs, short enough for an SMS summary to point to. */
export const MESSAGE_MAX_LENGTH = 1000;

/**
 * A message between the township and the family, or a worker's note: the domain's rule for the
 * forms' free text (checkTextAt: trimmed, at most MESSAGE_MAX_LENGTH characters, no angle
 * brackets, no control characters but line breaks and tabs); empty is null unless required.
 */
export function freeText(field: string, label: Message, value: string | undefined, required: boolean): string | null {
  const text = (value ?? '').trim();
  if (text === '' && !required) return null;
  const errors = checkTextAt(field, label, text, MESSAGE_MAX_LENGTH, true);
  if (errors.length > 0) throw registrationError('registration.textInvalid', errors);
  return text;
}
