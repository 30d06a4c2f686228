import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';

export interface Message {
  zh: string;
  en: string;
}
export type Lang = 'zh-CN' | 'en';

/** A failure the user can act on, with its HTTP status and a message in both languages. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly userMessage: Message,
    readonly details?: unknown,
  ) {
    super(`${code}: ${userMessage.en}`);
  }
}

export interface ErrorDef {
  status: number;
  message: Message;
}

/** Each module declares its error codes once; this turns the table into a typed factory. */
export function defineErrors<C extends string>(table: Record<C, ErrorDef>) {
  return (code: C, details?: unknown, message?: Message): AppError =>
    new AppError(code, table[code].status, message ?? table[code].message, details);
}

export const commonError = defineErrors({
  'request.invalid': { status: 400, message: { zh: '请求内容不符合要求', en: 'The request is not valid' } },
  'auth.unauthenticated': { status: 401, message: { zh: '请先登录', en: 'Please sign in' } },
  'auth.forbidden': { status: 403, message: { zh: '您的角色无权执行此操作', en: 'Your role may not do this' } },
  // The message names the departments (auth/session.ts); this one is its fallback.
  'auth.otherDepartment': {
    status: 403,
    message: { zh: '此项工作不属于您所在部门的职责', en: "This is not your department's work" },
  },
  'csrf.invalid': {
    status: 403,
    message: { zh: '页面已过期，请刷新后重试', en: 'The page has expired; reload and try again' },
  },
  notFound: {
    status: 404,
    message: { zh: '找不到所请求的内容，或它不在您的辖区内', en: 'Not found, or not in your jurisdiction' },
  },
  rateLimited: { status: 429, message: { zh: '操作过于频繁，请稍后再试', en: 'Too many attempts; try again later' } },
  'payload.tooLarge': { status: 413, message: { zh: '上传的文件过大', en: 'The uploaded file is too large' } },
  internal: {
    status: 500,
    message: {
      zh: '系统内部错误，已记录，请稍后重试',
      en: 'Internal error; it has been logged, please try again later',
    },
  },
});

export function requestLang(req: FastifyRequest): Lang {
  const h = req.headers['accept-language'];
  return typeof h === 'string' && /^en\b/i.test(h.trim()) ? 'en' : 'zh-CN';
}

export function pick(m: Message, lang: Lang): string {
  return lang === 'en' ? m.en : m.zh;
}

function toAppError(err: FastifyError | AppError | Error): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError;
  if (fe.validation) {
    const details = fe.validation.map((v) => ({
      path: v.instancePath || (v.params as { missingProperty?: string } | undefined)?.missingProperty || '',
      rule: v.keyword,
      detail: v.message,
    }));
    return commonError('request.invalid', details);
  }
  if (fe.statusCode === 429) return commonError('rateLimited');
  if (fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413)
    return commonError('payload.tooLarge');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('request.invalid', fe.statusCode, {
      zh: `请求无效：${fe.message}`,
      en: `Invalid request: ${fe.message}`,
    });
  }
  return commonError('internal');
}

/** The one place errors become HTTP responses; a 5xx never shows a stack or SQL. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500) req.log.error({ err }, 'unhandled error');
    void reply
      .status(appErr.status)
      .send({ code: appErr.code, message: pick(appErr.userMessage, requestLang(req)), details: appErr.details });
  });
}
