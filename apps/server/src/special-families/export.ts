import { specialFamilyKindLabel, specialFamilyStatusLabel } from '@cradle/domain';
import { chinaDateTime, column, wordColumn } from '../exports/index.js';
import type { FileRow } from './views-repo.js';

// The register as XLSX: names masked (张*华) and ID numbers masked, as the list shows them.

const yesNo = (b: boolean) => (b ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' });
const GRADE_WORDS = ['一', '二', '三', '四'];
const grade = (g: number | null) =>
  g === null ? { zh: '', en: '' } : { zh: `${GRADE_WORDS[g - 1] ?? g}级`, en: `Grade ${g}` };

export const EXPORT_COLUMNS = [
  column<FileRow>('档案编号', 'File', 8, (r) => String(r.id)),
  wordColumn<FileRow>('类别', 'Kind', 8, (r) => specialFamilyKindLabel(r.kind)),
  wordColumn<FileRow>('状态', 'Status', 12, (r) => specialFamilyStatusLabel(r.status)),
  column<FileRow>('地区', 'Region', 20, (r) => r.regionName),
  column<FileRow>('母亲', 'Mother', 10, (r) => r.mother?.name ?? ''),
  column<FileRow>('母亲公民身份号码', 'Mother ID number', 22, (r) => r.mother?.idMasked ?? ''),
  column<FileRow>('父亲', 'Father', 10, (r) => r.father?.name ?? ''),
  column<FileRow>('父亲公民身份号码', 'Father ID number', 22, (r) => r.father?.idMasked ?? ''),
  column<FileRow>('子女', 'Child', 10, (r) => r.child.name),
  column<FileRow>('事件日期', 'Event date', 12, (r) => r.eventDate),
  wordColumn<FileRow>('残疾等级', 'Disability grade', 10, (r) => grade(r.disabilityGrade)),
  column<FileRow>('最近走访', 'Last visit', 12, (r) => r.lastVisitDate ?? ''),
  column<FileRow>('下次走访', 'Next visit due', 12, (r) => r.nextVisitDue ?? ''),
  wordColumn<FileRow>('走访逾期', 'Visit overdue', 8, (r) => yesNo(r.overdue)),
  column<FileRow>('建档人', 'Proposed by', 12, (r) => r.proposedByName),
  column<FileRow>('建档时间', 'Proposed at', 18, (r) => chinaDateTime(r.proposedAt)),
  column<FileRow>('确认人', 'Decided by', 12, (r) => r.decidedByName ?? ''),
];
