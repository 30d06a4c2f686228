import type { Message } from '../messages.js';
import { checkClass, type ClassInput, type RuleBreach } from './classes.js';
import type { InstitutionType, OperatorForm, StaffPost } from './kinds.js';
import { parseUscc, type RegistrationAuthority } from './uscc.js';

/** What an institution files: each filing, change or closure carries it whole. */
export interface FilingContent {
  name: string;
  uscc: string;
  registrationAuthority: RegistrationAuthority;
  type: InstitutionType;
  operatorForm: OperatorForm;
  /** Village or township (GB/T 2260) the premises are in. */
  regionCode: string;
  address: string;
  /** Floor area of the premises, m². */
  premisesArea: number;
  establishedOn: string;
  slots: number;
  affordableSlots: number;
  /** Full-time care, per child per month, in fen. */
  monthlyFeeFen: number;
  /** The capped price of an affordable slot, per month, in fen; null without affordable slots. */
  affordableFeeFen: number | null;
  classes: ClassInput[];
  staff: StaffInput[];
}

export interface StaffInput {
  name: string;
  post: StaffPost;
  qualification: string;
  healthCertificateNo: string;
  healthCertificateIssuedOn: string;
  healthCertificateValidUntil: string;
}

const OWN = (what: string): Message => ({ zh: `本系统规则：${what}`, en: `Cradle's rule: ${what}` });
// Staff are examined before they start and hold a valid health certificate (托儿所幼儿园卫生保健管理办法
// 2010 第十三条, applied to childcare by 托育机构设置标准(试行) 2019 第三章).
const HEALTH_CITATION: Message = {
  zh: '托儿所幼儿园卫生保健管理办法(卫生部、教育部令第76号)第十三条：工作人员上岗前须取得健康合格证明',
  en: 'Nursery and kindergarten health care rules (MOH/MOE order 76), art. 13: staff hold a health certificate before starting',
};

function breach(rule: string, path: string, message: Message, citation: Message): RuleBreach {
  return { rule, path, message, citation };
}

/**
 * Every rule a filing breaks, with its clause: the credit code, slots against classes, each
 * class's size and carers, and the staff's health certificates on `today` (China date). An empty
 * list: it may be filed.
 */
export function checkFiling(f: FilingContent, today: string): RuleBreach[] {
  const out: RuleBreach[] = [];
  const uscc = parseUscc(f.uscc, f.registrationAuthority);
  if (!uscc.ok) out.push(breach(uscc.code, 'uscc', uscc.message, { zh: 'GB 32100-2015', en: 'GB 32100-2015' }));
  if (f.establishedOn > today)
    out.push(
      breach(
        'institution.futureDate',
        'establishedOn',
        {
          zh: `成立日期 ${f.establishedOn} 晚于今天`,
          en: `The date of establishment, ${f.establishedOn}, is in the future`,
        },
        OWN('日期不晚于今天'),
      ),
    );
  if (f.affordableSlots > f.slots)
    out.push(
      breach(
        'slots.affordable',
        'affordableSlots',
        {
          zh: `普惠托位${f.affordableSlots}个，多于总托位${f.slots}个`,
          en: `${f.affordableSlots} affordable slots are more than the ${f.slots} slots in all`,
        },
        OWN('普惠托位是总托位的一部分'),
      ),
    );
  if (f.affordableSlots > 0 && f.affordableFeeFen === null)
    out.push(
      breach(
        'fee.affordableMissing',
        'affordableFeeFen',
        { zh: '有普惠托位时须填写普惠收费标准', en: 'Give the affordable price when there are affordable slots' },
        {
          zh: '维发〔2023〕15号(十一)：研究制定普惠托育服务收费标准',
          en: 'Seed 004 (十一): an affordable price is set',
        },
      ),
    );
  if (f.affordableFeeFen !== null && f.affordableFeeFen > f.monthlyFeeFen)
    out.push(
      breach(
        'fee.affordableHigher',
        'affordableFeeFen',
        { zh: '普惠收费不能高于普通收费', en: 'The affordable price cannot be higher than the ordinary fee' },
        OWN('普惠托位的收费不高于普通托位'),
      ),
    );
  // Reading (Cradle's): the slots an institution files are its classes' places, so the two agree.
  const places = f.classes.reduce((s, c) => s + c.capacity, 0);
  if (f.classes.length > 0 && places !== f.slots)
    out.push(
      breach(
        'slots.classes',
        'slots',
        {
          zh: `各班班额合计${places}个，与总托位${f.slots}个不一致`,
          en: `The classes hold ${places} places, not the ${f.slots} slots filed`,
        },
        OWN('总托位等于各班班额之和'),
      ),
    );
  f.classes.forEach((c, i) => out.push(...checkClass(c, i)));
  const carersNeeded = f.classes.reduce((s, c) => s + c.carers, 0);
  const carers = f.staff.filter((s) => s.post === 'carer').length;
  if (carers < carersNeeded)
    out.push(
      breach(
        'staff.carers',
        'staff',
        {
          zh: `各班共需保育人员${carersNeeded}名，人员名单中只有${carers}名`,
          en: `The classes count ${carersNeeded} carers; the staff list has ${carers}`,
        },
        OWN('各班的保育人员须在人员名单中'),
      ),
    );
  f.staff.forEach((s, i) => {
    const who = { zh: `第${i + 1}名工作人员`, en: `Staff member ${i + 1}` };
    if (s.healthCertificateIssuedOn > today)
      out.push(
        breach(
          'staff.futureDate',
          `staff.${i}.healthCertificateIssuedOn`,
          {
            zh: `${who.zh}的健康证明签发日期 ${s.healthCertificateIssuedOn} 晚于今天`,
            en: `${who.en}'s health certificate is dated ${s.healthCertificateIssuedOn}, in the future`,
          },
          OWN('日期不晚于今天'),
        ),
      );
    else if (s.healthCertificateValidUntil < today)
      out.push(
        breach(
          'staff.healthCertificate',
          `staff.${i}.healthCertificateValidUntil`,
          {
            zh: `${who.zh}的健康证明已于 ${s.healthCertificateValidUntil} 过期`,
            en: `${who.en}'s health certificate expired on ${s.healthCertificateValidUntil}`,
          },
          HEALTH_CITATION,
        ),
      );
  });
  return out;
}
