import type { IdNumberErrorCode } from '../id-number-errors.js';
import type { Message } from '../messages.js';

/** Error codes of the family-service forms, named for the glossary idea they concern. */
export type FamilyErrorCode =
  | IdNumberErrorCode
  | 'name.required'
  | 'name.tooLong'
  | 'name.invalidCharacters'
  | 'phone.format'
  | 'sex.format'
  | 'idNumber.sexContradictsRole'
  | 'parents.samePerson'
  | 'father.requiredWhenMarried'
  | 'date.format'
  | 'time.format'
  | 'birthDate.future'
  | 'birthDate.beforeParent'
  | 'expectedBirthDate.required'
  | 'expectedBirthDate.past'
  | 'expectedBirthDate.tooFar'
  | 'child.required'
  | 'childStatus.conflicting'
  | 'commitment.notAccepted'
  | 'text.required'
  | 'text.tooLong'
  | 'text.invalidCharacters'
  | 'residenceRegion.format'
  | 'hukouRegion.format'
  | 'services.empty'
  | 'services.duplicate'
  | 'services.unknown'
  | 'birthCertificateNo.required'
  | 'birthCertificateNo.notExpected'
  | 'birthCertificateNo.format'
  | 'newbornIdNumber.required'
  | 'newbornIdNumber.notExpected'
  | 'newbornIdNumber.notResident'
  | 'newbornIdNumber.birthDateMismatch'
  | 'newbornIdNumber.sexMismatch'
  | 'newbornIdNumber.regionMismatch'
  | 'enrolledOn.beforeBirth'
  | 'enrolledOn.future'
  | 'vaccinationRecordNo.format'
  | 'socialSecurityCardNo.format';

/** One problem with one field; `field` is the dot path in the form, e.g. `mother.idNumber`. */
export type FamilyFieldError = { field: string; code: FamilyErrorCode; message: Message };

/** Whose field it is, so a message in a list still says which person it means. */
export type Subject = 'mother' | 'father' | 'child' | 'newborn' | 'form';

const SUBJECT_LABELS: Record<Subject, Message> = {
  mother: { zh: '母亲', en: 'Mother' },
  father: { zh: '父亲', en: 'Father' },
  child: { zh: '子女', en: 'Child' },
  newborn: { zh: '新生儿', en: 'Newborn' },
  form: { zh: '', en: '' },
};

export function subjectLabel(subject: Subject): Message {
  return SUBJECT_LABELS[subject];
}

/** A message prefixed with its subject: “母亲：请填写公民身份号码” / “Mother: ID number is required”. */
export function about(subject: Subject, message: Message): Message {
  if (subject === 'form') return message;
  const label = SUBJECT_LABELS[subject];
  return { zh: `${label.zh}：${message.zh}`, en: `${label.en}: ${message.en}` };
}

export function fieldError(field: string, code: FamilyErrorCode, message: Message): FamilyFieldError {
  return { field, code, message };
}
