import { checkVersionDraft, findBuiltInScheme, type SchemeDefinition } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/service.js';
import type { SessionUser } from '../auth/session.js';
import { BenefitsError } from './errors.js';
import { findVersion, insertVersion, listVersions, setVersionStatus } from './versions-repo.js';
import type { VersionView } from '@cradle/contract';

export interface Actor {
  user: SessionUser;
  clientIp: string;
}

export function getScheme(code: string): SchemeDefinition {
  const scheme = findBuiltInScheme(code);
  if (!scheme) throw BenefitsError('scheme.notFound', { scheme: code });
  return scheme;
}

export const auditOf = (
  a: Actor,
  action: string,
  targetType: string,
  targetId: string | null,
  details: Record<string, unknown>,
) => ({
  userId: a.user.id,
  username: a.user.username,
  jurisdictionCode: a.user.jurisdictionCode,
  clientIp: a.clientIp,
  action,
  targetType,
  targetId,
  outcome: 'success' as const,
  details,
});

/**
 * Scheme versions: an administrator drafts the values a jurisdiction sets (a 白银 county's
 * monthly amount), submits the draft, and another administrator publishes it. Published
 * versions are frozen by the database (migration 0004); every step is audited.
 */
export function createVersionService(database: Database) {
  const scope = (a: Actor) => ({ jurisdictionCode: a.user.jurisdictionCode });
  return {
    list: (a: Actor, code: string) => withScope(database, scope(a), (tx) => listVersions(tx, getScheme(code).code)),

    async draft(
      a: Actor,
      code: string,
      body: {
        jurisdictionCode?: string | undefined;
        effectiveFrom: string;
        values: Record<string, unknown>;
        legalBasis: { document: string; clause: string };
      },
    ): Promise<VersionView> {
      const scheme = getScheme(code);
      const own = a.user.jurisdictionCode;
      const draft = {
        ...body,
        jurisdictionCode: body.jurisdictionCode ?? (own.length >= 6 ? own.slice(0, 6) : own),
        legalBasis: { document: body.legalBasis.document.trim(), clause: body.legalBasis.clause.trim() },
      };
      const problems = checkVersionDraft(scheme, draft, own);
      if (problems.length > 0) throw BenefitsError('version.invalid', problems);
      return withScope(database, scope(a), async (tx) => {
        const v = await insertVersion(tx, scheme.code, draft, a.user.id);
        await appendAudit(
          tx,
          auditOf(a, 'benefits.versionDraft', 'schemeVersion', String(v.id), {
            scheme: scheme.code,
            jurisdiction: v.jurisdictionCode,
            version: v.version,
            effectiveFrom: v.effectiveFrom,
            values: v.values,
          }),
        );
        return v;
      });
    },

    submit: (a: Actor, code: string, id: number) => move(a, code, id, 'draft', 'inReview', 'benefits.versionSubmit'),
    publish: (a: Actor, code: string, id: number) =>
      move(a, code, id, 'inReview', 'published', 'benefits.versionPublish'),
  };

  async function move(
    a: Actor,
    code: string,
    id: number,
    from: VersionView['status'],
    to: VersionView['status'],
    action: string,
  ): Promise<VersionView> {
    const scheme = getScheme(code);
    return withScope(database, scope(a), async (tx) => {
      const v = await findVersion(tx, scheme.code, id);
      // Readable is not writable: a county sees its province's versions but may not move them.
      if (!v || !v.jurisdictionCode.startsWith(a.user.jurisdictionCode)) throw BenefitsError('version.notFound');
      if (v.status !== from) throw BenefitsError('version.wrongStatus', { status: v.status });
      // Four eyes: the one who publishes a rule that moves money is not the one who wrote it.
      if (to === 'published' && v.createdBy === a.user.id) throw BenefitsError('version.sameReviewer');
      const moved = await setVersionStatus(tx, id, to, a.user.id);
      await appendAudit(
        tx,
        auditOf(a, action, 'schemeVersion', String(id), {
          scheme: scheme.code,
          jurisdiction: v.jurisdictionCode,
          version: v.version,
        }),
      );
      return moved;
    });
  }
}
