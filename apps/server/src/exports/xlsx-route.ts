import type {
  FastifyBaseLogger,
  FastifyContextConfig,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Readable } from 'node:stream';
import { Type, type Static, type TSchema, type TUnknown } from 'typebox';
import { XlsxFile } from '@cradle/contract';
import type { Lang } from '@cradle/domain';
import { requestLang } from '../errors.js';
import { sendXlsx } from './http.js';
import type { ExportActor } from './xlsx-export.js';

type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface XlsxRoute<Q extends TSchema> {
  /** The route's gate, the same as its list's (an export shows no more than the list). */
  config: FastifyContextConfig;
  tags: string[];
  summary: string;
  /** The list's filters; none for a list without them. */
  querystring?: Q;
  /** The download's name, by language, before the day (托育机构-2026-12-08.xlsx). */
  name: { zh: string; en: string };
  /** The audited workbook (auditedXlsxExport: the list's pages, its columns, its audit action). */
  workbook: (actor: ExportActor, query: Static<Q>, lang: Lang) => Readable | Promise<Readable>;
}

/**
 * One list's `GET …/export.xlsx`: the gate and filters of the list, the workbook in the user's
 * language, sent as an attachment named for the list and the day (exports/http.ts).
 */
export function xlsxRoute<Q extends TSchema = TUnknown>(app: App, url: string, spec: XlsxRoute<Q>): void {
  const { config, tags, summary, querystring, name, workbook } = spec;
  app.get(
    url,
    {
      config,
      schema: {
        tags,
        summary,
        ...(querystring && { querystring }),
        response: { 200: Type.Unsafe<Readable>(XlsxFile) },
      },
    },
    async (req, reply) => {
      const lang = requestLang(req);
      const actor = { user: req.user!, clientIp: req.ip };
      return sendXlsx(reply, lang, name, await workbook(actor, req.query as Static<Q>, lang));
    },
  );
}
