// The portal's seam to @cradle/domain (the console's is lib/domain.ts): the family-service
// rules the server runs, so forms show the server's own messages while the family types.
import { pick, type FamilyFieldError, type Lang } from '@cradle/domain';

export {
  BUNDLE_SERVICES,
  applyCorrections,
  BUNDLE_SERVICE_NAMES,
  COMMITMENT_STATEMENT_MAX_LENGTH,
  MEDICAL_INSURANCE_ENROLMENT_DAYS,
  PLACE_MAX_LENGTH,
  bundleServiceDefinition,
  chinaDateOf,
  deadlineState,
  departmentLabel,
  fen,
  formatYuan,
  parseIdNumber,
  pick,
  validateChildbirthRegistration,
  validateNewbornBundle,
} from '@cradle/domain';
export type {
  BundleService,
  ChildbirthRegistrationForm,
  CorrectableField,
  Corrections,
  DeadlineState,
  FamilyFieldError,
  NewbornBundleForm,
  ParentDeclaration,
  Sex,
} from '@cradle/domain';

/** Field path → the first message for it, in the interface language (what Form.Item shows). */
export function messagesByField(errors: readonly FamilyFieldError[], lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of errors) if (!out.has(e.field)) out.set(e.field, pick(e.message, lang));
  return out;
}
