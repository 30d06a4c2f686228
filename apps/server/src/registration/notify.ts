import type { OutgoingNotification } from '../notifications/index.js';
import type { RegistrationRow } from './repo.js';

// The outbox messages of a registration's life (issue 4: to the family in the portal and by SMS,
// to the township's queue in the console). Written in the transaction of the change they report.

const TOPIC = 'childbirthRegistration';
const subject = (r: RegistrationRow) => ({ kind: TOPIC, id: r.id });
/** The township handles registrations of its villages: its workers' queue is the township's. */
export const townshipOf = (regionCode: string) => regionCode.slice(0, 9);

const toFamily = (r: RegistrationRow, topic: string, body: { zh: string; en: string }): OutgoingNotification[] =>
  r.residentId === null
    ? []
    : [
        {
          recipient: { residentId: r.residentId },
          regionCode: r.regionCode,
          channels: ['inApp', 'sms'],
          topic: `${TOPIC}.${topic}`,
          subject: subject(r),
          body,
        },
      ];

const toTownship = (r: RegistrationRow, topic: string, body: { zh: string; en: string }): OutgoingNotification => ({
  recipient: { role: 'townshipWorker' },
  regionCode: townshipOf(r.regionCode),
  channels: ['inApp'],
  topic: `${TOPIC}.${topic}`,
  subject: subject(r),
  body,
});

export function submitted(r: RegistrationRow): OutgoingNotification[] {
  const conflicts =
    r.conflicts.length > 0
      ? {
          zh: `，与人口库有${r.conflicts.length}处不一致待核实`,
          en: `; ${r.conflicts.length} registry conflict(s) to check`,
        }
      : { zh: '', en: '' };
  return [
    toTownship(r, 'submitted', {
      zh: `新的生育登记 ${r.registrationNo}（第${r.parity}孩），请于 ${r.deadline} 前办理${conflicts.zh}`,
      en: `New childbirth registration ${r.registrationNo} (child ${r.parity}), due ${r.deadline}${conflicts.en}`,
    }),
    ...toFamily(r, 'submitted', {
      zh: `您的生育登记已提交，编号 ${r.registrationNo}，将于 ${r.deadline} 前办理完毕。`,
      en: `Your childbirth registration ${r.registrationNo} was submitted; it will be processed by ${r.deadline}.`,
    }),
  ];
}

export function infoRequested(r: RegistrationRow, message: string): OutgoingNotification[] {
  return toFamily(r, 'infoRequested', {
    zh: `您的生育登记 ${r.registrationNo} 需要补充信息：${message}。请登录掌上办回复。`,
    en: `Your childbirth registration ${r.registrationNo} needs more information: ${message}. Reply in the portal.`,
  });
}

export function replied(r: RegistrationRow, message: string, deadline: string): OutgoingNotification[] {
  return [
    toTownship(r, 'replied', {
      zh: `生育登记 ${r.registrationNo} 的家庭已补充信息：${message}。请于 ${deadline} 前办理`,
      en: `The family answered on childbirth registration ${r.registrationNo}: ${message}. Due ${deadline}`,
    }),
  ];
}

export function completed(r: RegistrationRow, verifyUrl: string): OutgoingNotification[] {
  return toFamily(r, 'completed', {
    zh: `您的生育登记 ${r.registrationNo} 已办结，电子回执可在掌上办下载，真伪可在 ${verifyUrl} 核验。`,
    en: `Your childbirth registration ${r.registrationNo} is complete. Download the receipt in the portal; verify it at ${verifyUrl}`,
  });
}
