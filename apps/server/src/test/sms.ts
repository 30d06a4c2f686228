import type { SmsSender } from '../notifications/index.js';

/** An SMS sender that keeps the messages, so tests read the code a family would receive. */
export function createRecordingSms(): SmsSender & {
  messages: { phone: string; text: string }[];
  lastCode(phone: string): string;
} {
  const messages: { phone: string; text: string }[] = [];
  return {
    name: 'recording',
    messages,
    async send(phone, text) {
      messages.push({ phone, text });
    },
    lastCode(phone) {
      const m = [...messages].reverse().find((x) => x.phone === phone);
      const code = m && /(\d{6})/.exec(m.text)?.[1];
      if (!code) throw new Error(`no code sent to ${phone}`);
      return code;
    },
  };
}
