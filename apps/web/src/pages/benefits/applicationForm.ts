import type { ApplicationBody } from '@cradle/contract';
import { applicationFactKeys, findBuiltInScheme } from '../../lib/domain';

/** What the apply form holds: declarations as checkboxes, the special family status as a choice. */
export type ApplyFormValues = {
  scheme?: string;
  facts?: Record<string, boolean | string | undefined>;
  applicantName?: string;
};

export const SPECIAL_FAMILY_STATUSES = ['bereaved', 'disabledChild'] as const;

/** The declarations a scheme asks the applicant for (承诺制), from the definition the server checks them against. */
export function factKeysOf(code: string | undefined): string[] {
  const scheme = code ? findBuiltInScheme(code) : null;
  return scheme ? applicationFactKeys(scheme) : [];
}

/**
 * The request for the form: every declaration the scheme asks for, unticked ones as false (the
 * applicant did not declare it), and nothing the scheme does not ask for; a blank name is left out.
 */
export function toApplicationRequest(personId: number, v: ApplyFormValues): ApplicationBody {
  const facts: Record<string, boolean | string> = {};
  for (const key of factKeysOf(v.scheme)) {
    const value = v.facts?.[key];
    if (key !== 'specialFamilyStatus') facts[key] = value === true;
    else if (typeof value === 'string') facts[key] = value;
  }
  const name = v.applicantName?.trim();
  return {
    scheme: v.scheme ?? '',
    beneficiaryId: personId,
    ...(Object.keys(facts).length > 0 ? { facts } : {}),
    ...(name ? { applicantName: name } : {}),
  };
}
