import {
  bundleServiceDefinition,
  departmentLabel,
  type BundleService,
  type CompletionRecord,
  type CorrectableField,
  type Department,
  type Message,
} from '@cradle/domain';
import type { OutgoingNotification } from '../notifications/index.js';

// The outbox messages of the bundle (issue 4: "an outbox of messages to families and operators
// (in-app, and a pluggable SMS sender)"). Families get both channels for every change of their
// application; department queues get in-app messages only (notifications/dispatcher.ts).

export const TOPIC = 'newbornBundle';

const FIELD_LABELS: Record<CorrectableField, Message> = {
  'newborn.name': { zh: '新生儿姓名', en: "newborn's name" },
  'newborn.sex': { zh: '新生儿性别', en: "newborn's sex" },
  'newborn.birthDate': { zh: '出生日期', en: 'date of birth' },
  'newborn.birthTime': { zh: '出生时间', en: 'time of birth' },
  'newborn.birthPlace': { zh: '出生地点', en: 'place of birth' },
  'newborn.hospitalName': { zh: '助产机构', en: 'hospital' },
  'mother.name': { zh: '母亲姓名', en: "mother's name" },
  'mother.idNumber': { zh: '母亲公民身份号码', en: "mother's ID number" },
  'mother.phone': { zh: '母亲手机号码', en: "mother's phone" },
  'father.name': { zh: '父亲姓名', en: "father's name" },
  'father.idNumber': { zh: '父亲公民身份号码', en: "father's ID number" },
  'father.phone': { zh: '父亲手机号码', en: "father's phone" },
  hukouRegionCode: { zh: '落户地', en: 'hukou region' },
  existingBirthCertificateNo: { zh: '出生医学证明编号', en: 'birth certificate number' },
  existingNewbornIdNumber: { zh: '新生儿公民身份号码', en: "newborn's ID number" },
};

export function fieldLabel(field: string): Message {
  return (FIELD_LABELS as Partial<Record<string, Message>>)[field] ?? { zh: field, en: field };
}

const fieldList = (fields: readonly string[]): Message => ({
  zh: fields.map((f) => fieldLabel(f).zh).join('、'),
  en: fields.map((f) => fieldLabel(f).en).join(', '),
});
const label = (s: BundleService) => bundleServiceDefinition(s).label;

export interface BundleRef {
  id: number;
  bundleNo: string;
  regionCode: string;
  residentId: number | null;
  newbornName: string;
}

const toFamily = (b: BundleRef, body: Message): OutgoingNotification[] =>
  b.residentId === null
    ? []
    : [
        {
          recipient: { residentId: b.residentId },
          regionCode: b.regionCode,
          channels: ['inApp', 'sms'],
          topic: TOPIC,
          subject: { kind: 'newbornBundle', id: b.id },
          body,
        },
      ];

export const toDepartment = (
  b: BundleRef,
  department: Department,
  taskId: number,
  body: Message,
): OutgoingNotification => ({
  recipient: { department },
  regionCode: b.regionCode,
  channels: ['inApp'],
  topic: TOPIC,
  subject: { kind: 'bundleTask', id: taskId },
  body,
});

export function submitted(b: BundleRef, services: readonly BundleService[]): OutgoingNotification[] {
  return toFamily(b, {
    zh: `您的出生一件事申请（${b.bundleNo}）已提交，将由各部门分别办理：${services.map((s) => label(s).zh).join('、')}。办理进度请在掌上办查看。`,
    en: `Your newborn bundle ${b.bundleNo} was submitted; each department handles its part: ${services.map((s) => label(s).en).join(', ')}. Follow the progress in the portal.`,
  });
}

export function taskArrived(
  b: BundleRef,
  service: BundleService,
  taskId: number,
  deadline: string | null,
  again = false,
): OutgoingNotification {
  const l = label(service);
  return toDepartment(b, bundleServiceDefinition(service).department, taskId, {
    zh: `出生一件事 ${b.bundleNo}：新生儿${b.newbornName}的${l.zh}${again ? '已由家庭补正，' : ''}待办理，办理时限 ${deadline ?? '—'}。`,
    en: `Newborn bundle ${b.bundleNo}: ${l.en} for ${b.newbornName} ${again ? 'was corrected by the family and ' : ''}is waiting for you, due ${deadline ?? '—'}.`,
  });
}

export function taskDone(
  b: BundleRef,
  service: BundleService,
  detail: Message | null,
  allDone: boolean,
): OutgoingNotification[] {
  const l = label(service);
  return toFamily(b, {
    zh: `出生一件事 ${b.bundleNo}：${l.zh}已办结${detail ? `，${detail.zh}` : ''}。${allDone ? '全部事项均已办结。' : ''}`,
    en: `Newborn bundle ${b.bundleNo}: ${l.en} is done${detail ? `; ${detail.en}` : ''}.${allDone ? ' Every service is done.' : ''}`,
  });
}

export function taskReturned(
  b: BundleRef,
  service: BundleService,
  reason: string,
  fields: readonly string[],
): OutgoingNotification[] {
  const d = departmentLabel(bundleServiceDefinition(service).department);
  const l = label(service);
  const f = fieldList(fields);
  return toFamily(b, {
    zh: `出生一件事 ${b.bundleNo}：${d.zh}退回了${l.zh}，原因：${reason}。请在掌上办补正：${f.zh}。`,
    en: `Newborn bundle ${b.bundleNo}: ${d.en} returned ${l.en}: ${reason}. Please correct in the portal: ${f.en}.`,
  });
}

/** To a department whose finished work used a field the family has since corrected for another department. */
export function correctedAfterDone(
  b: BundleRef,
  service: BundleService,
  taskId: number,
  fields: readonly string[],
): OutgoingNotification {
  const f = fieldList(fields);
  return toDepartment(b, bundleServiceDefinition(service).department, taskId, {
    zh: `出生一件事 ${b.bundleNo}：家庭应其他部门要求更正了${f.zh}，贵部门已办结的${label(service).zh}用到这些内容，请核对。`,
    en: `Newborn bundle ${b.bundleNo}: the family corrected ${f.en} for another department; your finished ${label(service).en} used them, please check.`,
  });
}

/** What the family is told a completion produced; the newborn's ID number only masked. */
export function completionDetail(record: CompletionRecord, newbornIdMasked: string | null): Message | null {
  switch (record.service) {
    case 'birthCertificate':
      return { zh: `出生医学证明编号 ${record.certificateNo}`, en: `certificate number ${record.certificateNo}` };
    case 'vaccinationRecord':
      return record.recordNo
        ? { zh: `预防接种证编号 ${record.recordNo}`, en: `record number ${record.recordNo}` }
        : null;
    case 'hukouRegistration':
      return {
        zh: `新生儿公民身份号码 ${newbornIdMasked ?? ''}`,
        en: `the newborn's ID number is ${newbornIdMasked ?? ''}`,
      };
    case 'medicalInsuranceEnrollment':
      return record.lateEnrolment
        ? {
            zh: `参保日期 ${record.enrolledOn}；已超过出生后90天，出生以来的医疗费用不能按新生儿政策报销`,
            en: `enrolled on ${record.enrolledOn}, more than 90 days after birth, so costs since birth are not covered`,
          }
        : {
            zh: `参保日期 ${record.enrolledOn}，出生之日起的医疗费用可按规定报销`,
            en: `enrolled on ${record.enrolledOn}; costs from birth are covered`,
          };
    case 'socialSecurityCard':
      return record.cardNo
        ? { zh: `社保卡卡号 ${record.cardNo}`, en: `card number ${record.cardNo}` }
        : { zh: '社保卡制卡中', en: 'the card is being made' };
  }
}
