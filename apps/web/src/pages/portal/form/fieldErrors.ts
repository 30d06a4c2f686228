import type { FamilyFieldError } from '../../../lib/portalDomain';
import { pick } from '../../../lib/portalDomain';
import type { Lang } from '../../../i18n/language';

export type FieldPath = readonly (string | number)[];

/** Where a domain field path (`mother.idNumber`) sits in a form; null: it has no field of its own. */
export type FieldLocator = (field: string) => FieldPath | null;

export type PlacedErrors = {
  /** One entry per form field, with its messages (empty to clear it). */
  fields: { name: FieldPath; errors: string[] }[];
  /** Messages of fields the form does not show: listed above the form. */
  general: string[];
};

const key = (p: FieldPath) => p.join('.');

/**
 * Spreads field errors (the domain's while the family types, the server's on submit) over the
 * form's fields, clearing those that are fine now; `visible` limits which fields may show one yet.
 */
export function placeErrors(
  errors: readonly FamilyFieldError[],
  formFields: readonly FieldPath[],
  locate: FieldLocator,
  lang: Lang,
  visible: (name: FieldPath) => boolean = () => true,
): PlacedErrors {
  const byField = new Map<string, string[]>(formFields.map((f) => [key(f), []]));
  const general: string[] = [];
  for (const e of errors) {
    const text = pick(e.message, lang);
    const at = locate(e.field);
    const list = at ? byField.get(key(at)) : undefined;
    if (list) {
      if (!list.includes(text)) list.push(text);
    } else if (!general.includes(text)) {
      general.push(text);
    }
  }
  return {
    fields: formFields.map((name) => ({ name, errors: visible(name) ? (byField.get(key(name)) ?? []) : [] })),
    general,
  };
}

/** The `details` of a 400 answer when it is a list of field errors. */
export function isFieldErrorList(details: unknown): details is FamilyFieldError[] {
  return (
    Array.isArray(details) &&
    details.every(
      (d) =>
        typeof d === 'object' &&
        d !== null &&
        typeof (d as { field?: unknown }).field === 'string' &&
        typeof (d as { message?: unknown }).message === 'object',
    )
  );
}
