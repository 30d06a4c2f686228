// The family-service rules the console shares with the server (packages/domain/src/family),
// re-exported in one place: the completion form checks with the server's own code.
export {
  BUNDLE_SERVICES,
  bundleServiceDefinition,
  checkCompletion,
  checkNewbornIdNumber,
  chinaDateOf,
  isBundleService,
  isLateEnrolment,
  medicalInsuranceDeadline,
  MEDICAL_INSURANCE_ENROLMENT_DAYS,
  CHILDBIRTH_REGISTRATION_WORKING_DAYS,
  HUKOU_IDENTITY_FIELDS,
  pick,
} from '@cradle/domain';
export type {
  BundleService,
  CompletionContext,
  CompletionInput,
  CorrectableField,
  DeadlineState,
  FamilyFieldError,
} from '@cradle/domain';
