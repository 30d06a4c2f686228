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

/**
 * A gateway reached over HTTP: POST {to, text} as JSON to the configured address (most SMS
 * platforms, or a small adapter in front of one, take this shape). Any answer but 2xx is a failure
 * the dispatcher retries.
 */
export function createWebhookSmsSender(url: string, timeoutMs = 10_000): SmsSender {
  return {
    name: 'webhook',
    async send(phone, text) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: phone, text }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}

/** No gateway configured: every send fails, so codes are never printed where logs are read. */
export const unconfiguredSmsSender: SmsSender = {
  name: 'none',
  async send() {
    throw new Error('no SMS gateway is configured (CRADLE_SMS)');
  },
};

/**
 * The sender a deployment configured. The log sink prints sign-in codes, so anyone who reads the
 * logs could sign in as any family: it is the default only in demo mode, and otherwise must be
 * asked for by name (CRADLE_SMS=log) on a development machine.
 */
export function smsSenderFromConfig(
  config: { sms: string | undefined; smsWebhookUrl: string | undefined; demo: boolean },
  log: LogSink,
): SmsSender {
  const kind = config.sms ?? (config.demo ? 'log' : undefined);
  if (kind === 'log') return createLogSmsSender(log);
  if (kind === 'webhook') {
    if (!config.smsWebhookUrl) throw new Error('CRADLE_SMS=webhook needs CRADLE_SMS_WEBHOOK_URL');
    return createWebhookSmsSender(config.smsWebhookUrl);
  }
  if (kind !== undefined) throw new Error(`CRADLE_SMS must be log or webhook, not ${kind}`);
  return unconfiguredSmsSender;
}

/** The job that sends the outbox's text messages (jobs/kinds/sms.ts). */
export const SMS_KIND = 'notifications.sms';
