import type { Message } from './messages.js';

export type Department =
  | 'hospital'
  | 'diseaseControl'
  | 'publicSecurity'
  | 'medicalInsurance'
  | 'humanResourcesSocialSecurity'
  | 'finance'
  | 'education'
  | 'civilAffairs'
  | 'healthCommission'
  | 'housing'
  | 'providentFund'
  | 'fireRescue'
  | 'marketRegulation'
  | 'emergencyManagement';

const DEPARTMENT_LABELS: Record<Department, Message> = {
  hospital: { zh: '医院', en: 'Hospital' },
  diseaseControl: { zh: '疾病预防控制中心', en: 'Center for Disease Control and Prevention' },
  publicSecurity: { zh: '公安', en: 'Public security' },
  medicalInsurance: { zh: '医疗保障', en: 'Medical insurance' },
  humanResourcesSocialSecurity: { zh: '人力资源和社会保障', en: 'Human resources and social security' },
  finance: { zh: '财政', en: 'Finance' },
  education: { zh: '教育', en: 'Education' },
  civilAffairs: { zh: '民政', en: 'Civil affairs' },
  healthCommission: { zh: '卫生健康委员会', en: 'Health commission' },
  // The family-size check's askers (REQUIREMENTS C5; 001 m17, 004 (十五)): housing and the provident fund.
  housing: { zh: '住房和城乡建设', en: 'Housing and urban-rural development' },
  providentFund: { zh: '住房公积金管理', en: 'Housing provident fund' },
  // Childcare supervision's inspecting departments (REQUIREMENTS B9, C1; 000 二(三); 001 m12; 002 task 39's
  // 县消防救援大队、县市场监管局、县应急局): they inspect the areas they own (childcare/area-owners.ts).
  fireRescue: { zh: '消防救援', en: 'Fire and rescue' },
  marketRegulation: { zh: '市场监督管理', en: 'Market regulation' },
  emergencyManagement: { zh: '应急管理', en: 'Emergency management' },
};

export const DEPARTMENTS = Object.keys(DEPARTMENT_LABELS) as readonly Department[];

export function isDepartment(value: string): value is Department {
  return Object.hasOwn(DEPARTMENT_LABELS, value);
}

export function departmentLabel(d: Department): Message {
  return DEPARTMENT_LABELS[d];
}
