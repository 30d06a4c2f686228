/**
 * Text messages leave through a sender we do not own (an operator's SMS gateway), so it sits
 * behind this interface. The built-in one is a development sink: it writes the message to the
 * server log and sends nothing. A deployment plugs in its gateway here.
 */
export interface SmsSender {
  readonly name: string;
  send(phone: string, text: string): Promise<void>;
}

export interface LogSink {
  info(obj: object, msg: string): void;
}

/** Masks all but the first three and last four digits: enough to tell messages apart in a log. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '***';
}

export function createLogSmsSender(log: LogSink): SmsSender {
  return {
    name: 'log',
    async send(phone, text) {
      // The whole text, code included: this sink exists so a developer can sign in without a phone.
      log.info({ sms: { to: maskPhone(phone), text } }, `[development SMS sink] to ${maskPhone(phone)}: ${text}`);
    },
  };
}
