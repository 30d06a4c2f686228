import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DATE_PATTERN, SAFE_TEXT_PATTERN } from '@cradle/contract';

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
  'upload.notForm': {
    status: 415,
    message: { zh: '请通过上传表单提交文件', en: 'Send the file as a form upload (multipart/form-data)' },
  },
  'upload.malformed': {
    status: 400,
    message: {
      zh: '上传的表单不完整或格式有误，请重新选择文件上传',
      en: 'The upload is incomplete or malformed; choose the file and upload it again',
    },
  },
  'upload.badFileName': {
    status: 400,
    message: {
      zh: '文件名中含有无法保存的字符，请改名后重新上传',
      en: 'The file name holds characters that cannot be stored; rename the file and upload it again',
    },
  },
  // readUploadedFile's refusals (uploads.ts); its caller may name its own instead.
  'upload.noFile': { status: 400, message: { zh: '请选择要上传的文件', en: 'Choose a file to upload' } },
  'upload.tooLarge': {
    status: 413,
    message: { zh: '文件过大；未保存任何内容', en: 'The file is too large; nothing was saved' },
  },
  'upload.wrongType': {
    status: 415,
    message: { zh: '只能上传 PDF、JPEG 或 PNG 文件', en: 'Only PDF, JPEG or PNG files can be uploaded' },
  },
  'upload.tooManyParts': {
    status: 413,
    message: { zh: '上传的内容过多：一次只能上传一个文件', en: 'Too much in one upload: send one file at a time' },
  },
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

type ValidationIssue = NonNullable<FastifyError['validation']>[number];

/**
 * Why a request was refused before any module saw it: each a message of `request.invalid` (the
 * code clients know), saying what to fix. The shared request schemas are in packages/contract
 * common.ts (issue 11).
 */
const invalid = {
  text: {
    status: 400,
    message: {
      zh: '文字中含有无法保存的字符（空字符或残缺的字符），请删除后重试',
      en: 'The text holds characters that cannot be stored (a NUL or a broken Unicode character); remove them and try again',
    },
  },
  date: {
    status: 400,
    message: {
      zh: '日期无效：请填写真实存在的日期（年-月-日，1000 至 9999 年）',
      en: 'Not a real date: give one as YYYY-MM-DD, in the years 1000 to 9999',
    },
  },
  number: {
    status: 400,
    message: { zh: '数字无效，或超出允许的范围', en: 'The number is not valid, or out of the allowed range' },
  },
  url: { status: 400, message: { zh: '网址中含有无效的字符', en: 'The address holds characters that are not valid' } },
  urlTooLong: { status: 414, message: { zh: '网址过长', en: 'The address is too long' } },
  body: {
    status: 400,
    message: { zh: '请求内容格式有误，无法读取', en: 'The request body cannot be read: it is not well-formed' },
  },
  contentType: {
    status: 415,
    message: { zh: '此处不接受这种格式的请求内容', en: 'This kind of request body is not accepted here' },
  },
} satisfies Record<string, ErrorDef>;
type Invalid = keyof typeof invalid;
const refused = (why: Invalid, details?: unknown) =>
  new AppError('request.invalid', invalid[why].status, invalid[why].message, details);

/** What a validation error says to fix, by the rule that failed (Ajv reports the first only). */
function validationProblem(first: ValidationIssue | undefined): Invalid | null {
  const params = (first?.params ?? {}) as { pattern?: string; format?: string; type?: string };
  if (first?.keyword === 'pattern' && params.pattern === SAFE_TEXT_PATTERN) return 'text';
  if (first?.keyword === 'format' && params.format === 'date') return 'date';
  if (first?.keyword === 'pattern' && params.pattern === DATE_PATTERN) return 'date';
  if (first?.keyword === 'minimum' || first?.keyword === 'maximum') return 'number';
  if (first?.keyword === 'type' && (params.type === 'integer' || params.type === 'number')) return 'number';
  return null;
}

// Fastify's and @fastify/multipart's own 4xx failures, by code; their English messages never reach the user.
const FRAMEWORK_ERRORS: Partial<Record<string, Invalid>> = {
  FST_ERR_BAD_URL: 'url',
  FST_ERR_MAX_PARAM_LENGTH: 'urlTooLong',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'contentType',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'body',
};
const MULTIPART_ERRORS: Partial<Record<string, 'upload.notForm' | 'upload.malformed' | 'upload.tooManyParts'>> = {
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'upload.notForm',
  FST_PROTO_VIOLATION: 'upload.malformed',
  FST_MP_PREMATURE_CLOSE: 'upload.malformed',
  FST_INVALID_JSON_FIELD_ERROR: 'upload.malformed',
  FST_PARTS_LIMIT: 'upload.tooManyParts',
  FST_FILES_LIMIT: 'upload.tooManyParts',
  FST_FIELDS_LIMIT: 'upload.tooManyParts',
};

function toAppError(err: FastifyError | AppError | Error): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError;
  if (fe.validation) {
    const details = fe.validation.map((v) => ({
      path: v.instancePath || (v.params as { missingProperty?: string } | undefined)?.missingProperty || '',
      rule: v.keyword,
      detail: v.message,
    }));
    const problem = validationProblem(fe.validation[0]);
    return problem ? refused(problem, details) : commonError('request.invalid', details);
  }
  if (fe.statusCode === 429) return commonError('rateLimited');
  const framework = FRAMEWORK_ERRORS[fe.code];
  if (framework) return refused(framework);
  const multipart = MULTIPART_ERRORS[fe.code];
  if (multipart) return commonError(multipart);
  if (fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413)
    return commonError('payload.tooLarge');
  // Another 4xx (a plugin's): its status, our words; its English message stays in the log.
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return new AppError('request.invalid', fe.statusCode, commonError('request.invalid').userMessage);
  return commonError('internal');
}

/** Sends any error as `{code, message, details}`; a 5xx never shows a stack or SQL. */
export function sendError(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply): void {
  const appErr = toAppError(err);
  if (appErr.status >= 500) req.log.error({ err }, 'unhandled error');
  else if (!(err instanceof AppError)) req.log.info({ err }, 'request refused');
  void reply
    .status(appErr.status)
    .send({ code: appErr.code, message: pick(appErr.userMessage, requestLang(req)), details: appErr.details });
}

/** The one place errors become HTTP responses (Fastify's URL failures come here too: app.ts, frameworkErrors). */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    sendError(err, req, reply);
  });
}
