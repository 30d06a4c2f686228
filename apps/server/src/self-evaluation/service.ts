import { createHash } from 'node:crypto';
import {
  checkLiveValue,
  chinaDateOf,
  EVALUATION_DIMENSIONS,
  EVALUATION_ITEMS,
  evaluationScore,
  findEvaluationItem,
  RELATIVE_READING,
  SCORING_READING,
  surveyRate,
  type LiveValue,
} from '@cradle/domain';
import type { EvaluationItemBody, EvaluationItemView, ScoringRulesBody, SelfEvaluationView } from '@cradle/contract';
import type { Keys } from '../crypto/keys.js';
import { encryptField } from '../crypto/pii.js';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import { cleanFileName } from '../http/index.js';
import type { UploadedFile } from '../uploads.js';
import type { RegionService } from '../regions/index.js';
import { selfEvaluationError } from './errors.js';
import { createEvidenceDownload } from './evidence-download.js';
import { measureAll, type RegistryQuality } from './measures.js';
import * as repo from './repo.js';

export interface Actor {
  user: SessionUser;
  clientIp: string;
}

export interface SelfEvaluationDeps {
  database: Database;
  keys: Keys;
  regions: RegionService;
  now: () => Date;
  /** Registry quality of a region as the dashboard shows it (docs/data-quality.md). */
  quality: (user: SessionUser, region: string) => Promise<RegistryQuality>;
  /** The units an item may be assigned to (the supervision directory, once linked). */
  units: (user: SessionUser) => Promise<{ key: string; name: string }[]>;
}

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/**
 * The yearly fertility-friendly self-assessment (issue 15; 003 二 "查找不足,认真整改"): the
 * catalogue's items per jurisdiction and year, live figures where Cradle measures, a unit, the
 * ranking and survey tallies users enter, evidence files, and a score only once rules are loaded.
 */
export function createSelfEvaluationService(deps: SelfEvaluationDeps) {
  const { database, keys, regions, now } = deps;
  const today = () => chinaDateOf(now());
  const scoped = <T>(a: Actor, fn: (tx: Conn) => Promise<T>) =>
    withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, fn);
  const audit = (tx: Conn, a: Actor, action: string, id: number | null, details?: Record<string, unknown>) =>
    appendAudit(tx, {
      userId: a.user.id,
      username: a.user.username,
      jurisdictionCode: a.user.jurisdictionCode,
      clientIp: a.clientIp,
      action,
      targetType: 'selfEvaluation',
      targetId: id === null ? null : String(id),
      outcome: 'success',
      details,
    });

  async function viewIn(
    tx: Conn,
    a: Actor,
    year: number,
    quality: RegistryQuality,
    units: { key: string; name: string }[],
  ) {
    const region = a.user.jurisdictionCode;
    const evaluation = await repo.findEvaluation(tx, region, year);
    const items = evaluation ? await repo.listItems(tx, evaluation.id) : [];
    const evidence = evaluation ? await repo.listEvidence(tx, evaluation.id) : [];
    const rules = await repo.listRules(tx, region);
    const live = await measureAll(tx, region, year, today(), quality);
    const byCode = new Map(items.map((i) => [i.itemCode, i]));
    const points = new Map(rules.map((r) => [r.itemCode, r.maxPoints]));
    const unitName = new Map(units.map((u) => [u.key, u.name]));
    const itemView = (code: string): EvaluationItemView => {
      const def = findEvaluationItem(code)!;
      const row = byCode.get(code);
      const value: LiveValue | null = def.metric ? (live.get(def.metric) ?? null) : null;
      return {
        code,
        dimension: def.dimension,
        clause: def.clause,
        text: def.text,
        metric: def.metric ?? null,
        threshold: def.threshold ?? null,
        relative: def.relative === true,
        survey: def.survey === true,
        live: value,
        check: checkLiveValue(def, value),
        unitKey: row?.unitKey ?? null,
        unitName: row?.unitKey ? (unitName.get(row.unitKey) ?? row.unitKey) : null,
        ranking: row?.ranking ?? null,
        surveyRespondents: row?.surveyRespondents ?? null,
        surveyPositive: row?.surveyPositive ?? null,
        surveyRate: surveyRate(row?.surveyRespondents ?? null, row?.surveyPositive ?? null),
        note: row?.note ?? null,
        evidence: evidence
          .filter((e) => e.itemId === row?.id)
          .map(({ itemId: _i, createdAt, ...e }) => ({ ...e, createdAt: createdAt.toISOString() })),
        maxPoints: points.get(code) ?? null,
        awardedPoints: points.has(code) ? (row?.awardedPoints ?? null) : null,
        rectificationTaskId: row?.rectificationTaskId ?? null,
      };
    };
    const dimensions = EVALUATION_DIMENSIONS.map((d) => ({
      ...d,
      items: EVALUATION_ITEMS.filter((i) => i.dimension === d.number).map((i) => itemView(i.code)),
    }));
    const all = dimensions.flatMap((d) => d.items);
    const view: SelfEvaluationView = {
      id: evaluation?.id ?? null,
      year,
      regionCode: region,
      regionName: regions.name(region),
      dimensions,
      withoutEvidence: evaluation ? all.filter((i) => i.evidence.length === 0).map((i) => i.code) : [],
      score: evaluationScore(rules, new Map(items.map((i) => [i.itemCode, i.awardedPoints]))),
      scoringReading: SCORING_READING,
      relativeReading: RELATIVE_READING,
      units,
    };
    return { view, evaluation, items };
  }

  /** Reads what other services give (one connection on PGlite), then the view in one scope. */
  async function read(a: Actor) {
    const quality = await deps.quality(a.user, a.user.jurisdictionCode);
    const units = await deps.units(a.user);
    return { quality, units };
  }

  async function view(a: Actor, year = Number(today().slice(0, 4))): Promise<SelfEvaluationView> {
    const { quality, units } = await read(a);
    return scoped(a, async (tx) => {
      const v = await viewIn(tx, a, year, quality, units);
      if (v.evaluation) await audit(tx, a, 'selfEvaluation.view', v.evaluation.id);
      return v.view;
    });
  }

  async function evaluationFor(tx: Conn, id: number) {
    const e = await repo.findEvaluationById(tx, id);
    if (!e) throw selfEvaluationError('selfEvaluation.notFound');
    return e;
  }

  return {
    view,
    /** The view and its rows, for the printed document and the rectification tasks. */
    async read(a: Actor, id: number) {
      const e = await scoped(a, (tx) => evaluationFor(tx, id));
      const { quality, units } = await read(a);
      return scoped(a, (tx) => viewIn(tx, a, e.year, quality, units));
    },

    /** An audit entry for a read of the whole assessment (the printed PDF). */
    audited: (a: Actor, id: number, action: string) => scoped(a, (tx) => audit(tx, a, action, id)),

    async open(a: Actor, year: number): Promise<SelfEvaluationView> {
      if (year > Number(today().slice(0, 4))) throw selfEvaluationError('selfEvaluation.futureYear', { year });
      await scoped(a, async (tx) => {
        const id = await repo.insertEvaluation(tx, {
          year,
          regionCode: a.user.jurisdictionCode,
          by: a.user.id,
          byName: a.user.displayName,
          itemCodes: EVALUATION_ITEMS.map((i) => i.code),
        });
        if (id !== null) await audit(tx, a, 'selfEvaluation.open', id, { year });
      });
      return view(a, year);
    },

    async updateItem(a: Actor, id: number, code: string, body: EvaluationItemBody): Promise<SelfEvaluationView> {
      const def = findEvaluationItem(code);
      if (!def) throw selfEvaluationError('selfEvaluation.notFound');
      const units = await deps.units(a.user);
      const year = await scoped(a, async (tx) => {
        const e = await evaluationFor(tx, id);
        const row = (await repo.listItems(tx, id)).find((i) => i.itemCode === code)!;
        const next = {
          unitKey: body.unitKey === undefined ? row.unitKey : body.unitKey?.trim() || null,
          ranking: body.ranking === undefined ? row.ranking : body.ranking?.trim() || null,
          surveyRespondents: body.surveyRespondents === undefined ? row.surveyRespondents : body.surveyRespondents,
          surveyPositive: body.surveyPositive === undefined ? row.surveyPositive : body.surveyPositive,
          note: body.note === undefined ? row.note : body.note?.trim() || null,
          awardedPoints: body.awardedPoints === undefined ? row.awardedPoints : body.awardedPoints,
        };
        if (next.unitKey && units.length > 0 && !units.some((u) => u.key === next.unitKey))
          throw selfEvaluationError('selfEvaluation.unknownUnit', { unitKey: next.unitKey });
        if ((body.ranking ?? null) !== null && !def.relative) throw selfEvaluationError('selfEvaluation.notRelative');
        if ((body.surveyRespondents ?? body.surveyPositive ?? null) !== null && !def.survey)
          throw selfEvaluationError('selfEvaluation.notSurvey');
        if ((next.surveyRespondents === null) !== (next.surveyPositive === null))
          throw selfEvaluationError('selfEvaluation.survey');
        if (next.surveyRespondents !== null && next.surveyPositive! > next.surveyRespondents)
          throw selfEvaluationError('selfEvaluation.survey');
        if (body.awardedPoints !== undefined && body.awardedPoints !== null) {
          const rule = (await repo.listRules(tx, e.regionCode)).find((r) => r.itemCode === code);
          if (!rule) throw selfEvaluationError('selfEvaluation.noRules');
          if (body.awardedPoints > rule.maxPoints) throw selfEvaluationError('selfEvaluation.pointsOver');
        }
        await repo.updateItem(tx, row.id, next, a.user.id);
        await audit(tx, a, 'selfEvaluation.updateItem', id, { item: code, ...body });
        return e.year;
      });
      return view(a, year);
    },

    /** An attached file, decrypted, audited (evidence-download.ts). */
    downloadEvidence: createEvidenceDownload(database, keys),

    async uploadEvidence(
      a: Actor,
      id: number,
      code: string,
      // As read and checked by the route (uploads.ts readUploadedFile).
      file: UploadedFile,
    ): Promise<SelfEvaluationView> {
      const { bytes: content, mediaType } = file;
      const sha256 = createHash('sha256').update(content).digest('hex');
      const year = await scoped(a, async (tx) => {
        const e = await evaluationFor(tx, id);
        const row = (await repo.listItems(tx, id)).find((i) => i.itemCode === code);
        if (!row) throw selfEvaluationError('selfEvaluation.notFound');
        const evidenceId = await repo.insertEvidence(tx, {
          itemId: row.id,
          regionCode: e.regionCode,
          fileName: cleanFileName(file.fileName, 100) || 'evidence',
          mediaType,
          sizeBytes: content.length,
          sha256,
          contentCipher: encryptField(keys.piiEncryption, 'selfEvaluationEvidence', content.toString('base64')),
          by: a.user.id,
          byName: a.user.displayName,
        });
        await audit(tx, a, 'selfEvaluation.uploadEvidence', id, { item: code, evidenceId, sha256 });
        return e.year;
      });
      return view(a, year);
    },

    async loadRules(a: Actor, body: ScoringRulesBody): Promise<{ loaded: number }> {
      for (const r of body.rules)
        if (!findEvaluationItem(r.itemCode))
          throw selfEvaluationError('selfEvaluation.unknownItem', { itemCode: r.itemCode });
      return scoped(a, async (tx) => {
        await repo.replaceRules(tx, a.user.jurisdictionCode, body.source.trim(), body.rules, a.user.id);
        await audit(tx, a, 'selfEvaluation.loadRules', null, { source: body.source, items: body.rules.length });
        return { loaded: body.rules.length };
      });
    },
  };
}

export type SelfEvaluationService = ReturnType<typeof createSelfEvaluationService>;
