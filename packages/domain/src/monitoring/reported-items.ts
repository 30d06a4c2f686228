import type { Message } from '../messages.js';
import type { ReportedItem } from './count-kinds.js';

// The figures a department reports (count-kinds.ts ReportedItem), named for the entry form and
// the lists, and which of them is a part of another, so an entry that makes a part larger than
// its whole is refused (issue 13, "Bad input": "a numerator above its denominator where that is
// impossible"). The catalogue's definitions (catalogue/reported.ts) say what each counts.

export const REPORTED_ITEM_LABELS: Readonly<Record<ReportedItem, Message>> = {
  prenatalScreenings: { zh: '接受产前筛查的孕产妇数', en: 'Women screened before birth' },
  womenGivingBirth: { zh: '产妇数', en: 'Women who gave birth' },
  kindergartenChildren: { zh: '在园幼儿总数', en: 'Kindergarten children' },
  kindergartenChildrenInAffordable: {
    zh: '公办园和普惠性民办园在园幼儿数',
    en: 'Children in public and affordable kindergartens',
  },
  elderlyCareBeds: { zh: '养老床位数', en: 'Elderly care beds' },
  affordableElderlyCareBeds: { zh: '普惠型养老机构床位数', en: 'Beds in affordable elderly care institutions' },
  childcareSlots: { zh: '托位数', en: 'Childcare slots' },
  affordableChildcareSlots: { zh: '普惠性托位数', en: 'Affordable childcare slots' },
  demonstrationChildcareInstitutions: { zh: '示范性托育服务机构数', en: 'Demonstration childcare institutions' },
  warmHeartHomes: { zh: '「暖心家园」数', en: '"Warm heart" homes' },
  majorChildcareSafetyIncidents: { zh: '托育机构重大安全事故数', en: 'Major safety incidents in childcare' },
};

/**
 * part → whole: the part counts some of the whole's members, so it can never exceed it. Screened
 * women are among the women who gave birth (the catalogue's reading of 004 (九)); children in
 * affordable kindergartens among all kindergarten children; affordable beds and slots among all.
 */
export const REPORTED_PART_OF: Readonly<Partial<Record<ReportedItem, ReportedItem>>> = {
  prenatalScreenings: 'womenGivingBirth',
  kindergartenChildrenInAffordable: 'kindergartenChildren',
  affordableElderlyCareBeds: 'elderlyCareBeds',
  affordableChildcareSlots: 'childcareSlots',
};
