import type { Department } from '../departments.js';
import type { Message } from '../messages.js';

/** The five services of 出生一件事 (`newbornBundle`), glossary names. */
export type BundleService =
  'birthCertificate' | 'vaccinationRecord' | 'hukouRegistration' | 'medicalInsuranceEnrollment' | 'socialSecurityCard';

/** The parts of the newborn form a department may send back for correction. */
export type CorrectableField =
  | 'newborn.name'
  | 'newborn.sex'
  | 'newborn.birthDate'
  | 'newborn.birthTime'
  | 'newborn.birthPlace'
  | 'newborn.hospitalName'
  | 'mother.name'
  | 'mother.idNumber'
  | 'mother.phone'
  | 'father.name'
  | 'father.idNumber'
  | 'father.phone'
  | 'hukouRegionCode'
  | 'existingBirthCertificateNo'
  | 'existingNewbornIdNumber';

export interface BundleServiceDefinition {
  service: BundleService;
  department: Department;
  label: Message;
  /** Working days the department has once the task is theirs to do. Our reading: the seeds name the services but give no times. */
  deadlineWorkingDays: number;
  /** Services whose result this one needs: the birth certificate number for hukou, the newborn's ID number after it. */
  dependsOn: readonly BundleService[];
  /** What this department reads from the form, so what it may return for correction. Our reading of each service's needs. */
  formFields: readonly CorrectableField[];
}

const PARENTS: readonly CorrectableField[] = ['mother.name', 'mother.idNumber', 'father.name', 'father.idNumber'];
const PHONES: readonly CorrectableField[] = ['mother.phone', 'father.phone'];

/**
 * In the order the seeds list them: 出生医学证明、儿童预防接种、户口登记、医保参保、社保卡申领
 * (001 3., 002 二(一)2., 003 (二), 004 (五)). Deadlines are ours: the hospital and the
 * disease-control centre act at the birth itself, public security and medical insurance within
 * a working week, the card takes production time.
 */
export const BUNDLE_SERVICES: readonly BundleServiceDefinition[] = [
  {
    service: 'birthCertificate',
    department: 'hospital',
    label: { zh: '出生医学证明', en: 'Medical birth certificate' },
    deadlineWorkingDays: 3,
    dependsOn: [],
    formFields: [
      'newborn.name',
      'newborn.sex',
      'newborn.birthDate',
      'newborn.birthTime',
      'newborn.birthPlace',
      'newborn.hospitalName',
      ...PARENTS,
    ],
  },
  {
    service: 'vaccinationRecord',
    department: 'diseaseControl',
    label: { zh: '预防接种证', en: 'Vaccination record' },
    deadlineWorkingDays: 3,
    dependsOn: [],
    formFields: ['newborn.name', 'newborn.sex', 'newborn.birthDate', 'mother.name', 'father.name', ...PHONES],
  },
  {
    service: 'hukouRegistration',
    department: 'publicSecurity',
    label: { zh: '户口登记', en: 'Hukou registration' },
    deadlineWorkingDays: 5,
    dependsOn: ['birthCertificate'],
    formFields: [
      'newborn.name',
      'newborn.sex',
      'newborn.birthDate',
      'hukouRegionCode',
      'existingBirthCertificateNo',
      ...PARENTS,
    ],
  },
  {
    service: 'medicalInsuranceEnrollment',
    department: 'medicalInsurance',
    label: { zh: '医保参保', en: 'Newborn medical insurance' },
    deadlineWorkingDays: 5,
    dependsOn: ['hukouRegistration'],
    formFields: ['newborn.name', 'existingNewbornIdNumber', ...PARENTS, ...PHONES],
  },
  {
    service: 'socialSecurityCard',
    department: 'humanResourcesSocialSecurity',
    label: { zh: '社保卡申领', en: 'Social security card' },
    deadlineWorkingDays: 10,
    dependsOn: ['hukouRegistration'],
    formFields: ['newborn.name', 'existingNewbornIdNumber', 'mother.name', 'father.name', ...PHONES],
  },
];

export const BUNDLE_SERVICE_NAMES: readonly BundleService[] = BUNDLE_SERVICES.map((s) => s.service);

export function isBundleService(value: string): value is BundleService {
  return (BUNDLE_SERVICE_NAMES as readonly string[]).includes(value);
}

export function bundleServiceDefinition(service: BundleService): BundleServiceDefinition {
  const definition = BUNDLE_SERVICES.find((s) => s.service === service);
  if (definition === undefined) throw new RangeError(`unknown bundle service ${service}`);
  return definition;
}
