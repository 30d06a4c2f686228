import {
  chinaDateOf,
  familySizeAnswer,
  familySizePurposeClause,
  familySizePurposeLabel,
  FAMILY_SIZE_CHECKS_PER_HOUR,
  minorChildren,
  normalizeIdNumber,
  parseIdNumber,
  pick,
  type Lang,
} from '@cradle/domain';
import type { FamilySizeAnswer, FamilySizeCheckBody } from '@cradle/contract';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import type { Pii } from '../crypto/pii.js';
import { appendAudit } from '../audit/index.js';
import { commonError } from '../errors.js';
import { specialFamilyError } from './errors.js';
import { findChildrenOf, findPersonByBlind } from './repo.js';
import type { Actor } from './service.js';

// 多子女家庭核验 (REQUIREMENTS C5): a department operator asks with a parent's ID number and a
// purpose; the answer is a count and birth years, never a record. Each check is a row of
// family_size_checks and an audit entry with its purpose, in one transaction. The rate limit counts
// those rows in the database (an hour's window per operator), so it holds across server processes
// and restarts — unlike an in-memory counter.

async function checksInLastHour(tx: Conn, userId: number): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM family_size_checks WHERE user_id = $1 AND checked_at > now() - interval '1 hour'`,
    [userId],
  );
  return Number(row!.n);
}

export function createFamilySizeCheck(database: Database, pii: Pii, now: () => Date) {
  return async function check(a: Actor, body: FamilySizeCheckBody, lang: Lang): Promise<FamilySizeAnswer> {
    const purpose = body.purpose ?? null;
    if (purpose === null) throw specialFamilyError('familySize.purposeRequired', { field: 'purpose' });
    const parsed = parseIdNumber(normalizeIdNumber(body.idNumber), now());
    if (!parsed.ok) throw specialFamilyError('familySize.badIdNumber', { field: 'idNumber' });
    const blind = pii.idBlindIndex(parsed.value.idNumber);
    const today = chinaDateOf(now());
    return withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, async (tx) => {
      // Serialises one operator's checks, so two at once cannot both pass the last free slot.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`familySize:${a.user.id}`]);
      if ((await checksInLastHour(tx, a.user.id)) >= FAMILY_SIZE_CHECKS_PER_HOUR) {
        const wait = { zh: '请一小时后再试', en: 'try again within the hour' };
        throw commonError(
          'rateLimited',
          { retryAfterSeconds: 3600 },
          {
            zh: `核验次数已达每小时 ${FAMILY_SIZE_CHECKS_PER_HOUR} 次的上限，${wait.zh}`,
            en: `You have reached ${FAMILY_SIZE_CHECKS_PER_HOUR} checks an hour; ${wait.en}`,
          },
        );
      }
      const parent = await findPersonByBlind(tx, blind);
      const minors = parent
        ? minorChildren(await findChildrenOf(tx, [parent.id]), today)
        : { count: 0, birthYears: [] };
      const [row] = await tx.query<{ id: number }>(
        `INSERT INTO family_size_checks (user_id, department, jurisdiction_code, purpose, note, person_id, minor_children)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          a.user.id,
          a.user.department ?? '',
          a.user.jurisdictionCode,
          purpose,
          body.note?.trim() || null,
          parent?.id ?? null,
          parent ? minors.count : null,
        ],
      );
      const checkId = Number(row!.id);
      await appendAudit(tx, {
        userId: a.user.id,
        username: a.user.username,
        jurisdictionCode: a.user.jurisdictionCode,
        clientIp: a.clientIp,
        action: 'familySize.check',
        targetType: 'person',
        targetId: parent ? String(parent.id) : null,
        outcome: 'success',
        details: {
          checkId,
          purpose,
          clause: familySizePurposeClause(purpose),
          note: body.note?.trim() || null,
          found: parent !== null,
          minorChildren: parent ? minors.count : null,
        },
      });
      const p = purpose;
      return {
        found: parent !== null,
        minorChildren: minors.count,
        birthYears: minors.birthYears,
        answer: parent
          ? pick(familySizeAnswer(minors.count), lang)
          : pick({ zh: '人口库中没有此公民身份号码', en: 'The registry holds no one with this ID number' }, lang),
        basis: pick(
          {
            zh: `人口库亲子关系，截至 ${today}（未满 18 周岁：民法典 第十七条）；用途：${familySizePurposeLabel(p).zh}（${familySizePurposeClause(p)}）`,
            en: `Registry parent–child links as of ${today} (under 18: Civil Code art. 17); purpose: ${familySizePurposeLabel(p).en} (${familySizePurposeClause(p)})`,
          },
          lang,
        ),
        checkId,
      };
    });
  };
}
