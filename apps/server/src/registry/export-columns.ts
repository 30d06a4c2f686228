import { idKindLabel, type IdKind } from '@cradle/domain';
import { column, wordColumn, type ExportColumn } from '../exports/index.js';
import type { PersonRow } from './repo.js';

const SEX = { male: { zh: '男', en: 'Male' }, female: { zh: '女', en: 'Female' } } as const;

/**
 * The person search's columns, as the console's table shows them: the masked ID number and the
 * age, never the birth date (the masked digits are the birth date).
 */
export function personColumns(regionName: (code: string) => string): ExportColumn<PersonRow>[] {
  return [
    column('姓名', 'Name', 12, (p) => p.name),
    wordColumn('性别', 'Sex', 6, (p) => SEX[p.sex]),
    column('年龄', 'Age', 6, (p) => String(p.age)),
    column('公民身份号码', 'ID number', 22, (p) => p.id_masked),
    wordColumn('证件类型', 'ID type', 14, (p) => idKindLabel(p.id_kind as IdKind)),
    column('户籍地', 'Hukou region', 24, (p) => regionName(p.hukou_region_code)),
    column('居住地', 'Residence region', 24, (p) => regionName(p.residence_region_code)),
  ];
}
