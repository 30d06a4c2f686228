import { EVALUATION_ITEMS, findEvaluationItem } from '@cradle/domain';
import type { Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { appendAudit } from '../audit/index.js';
import type { SessionUser } from '../auth/index.js';
import { countyOf, createKeyTask, listUnits } from '../supervision/index.js';
import { selfEvaluationError } from './errors.js';
import * as repo from './repo.js';

/**
 * 生成整改任务 (003 二 "查找不足,认真整改"; REQUIREMENTS C5 "gaps turn into rectification tasks in
 * C3"): every item of the assessment without evidence, assigned to a unit and not yet turned into
 * a task, becomes a key task (source selfEvaluation) led by that unit. Reading: due by the end of
 * the year after the assessment (the seed gives no date; the office may move it on the task).
 */
export function createRectification(database: Database) {
  return async (a: { user: SessionUser; clientIp: string }, id: number) =>
    withScope(database, { jurisdictionCode: a.user.jurisdictionCode }, async (tx) => {
      const e = await repo.findEvaluationById(tx, id);
      if (!e) throw selfEvaluationError('selfEvaluation.notFound');
      const units = await listUnits(tx);
      const byKey = new Map(units.map((u) => [u.key, u]));
      const names = new Map(units.map((u) => [u.id, u.name]));
      const items = await repo.listItems(tx, id);
      const evidence = new Set((await repo.listEvidence(tx, id)).map((x) => x.itemId));
      const order = new Map(EVALUATION_ITEMS.map((d, i) => [d.code, i]));
      const gaps = items
        .filter((i) => !evidence.has(i.id) && i.rectificationTaskId === null && i.unitKey && byKey.has(i.unitKey))
        .sort((x, y) => order.get(x.itemCode)! - order.get(y.itemCode)!);
      if (gaps.length === 0) throw selfEvaluationError('selfEvaluation.noGaps');
      const taskIds: number[] = [];
      for (const g of gaps) {
        const def = findEvaluationItem(g.itemCode)!;
        const unit = byKey.get(g.unitKey!)!;
        const taskId = await createKeyTask(
          tx,
          {
            regionCode: countyOf(a.user),
            source: 'selfEvaluation',
            clause: `${def.clause}（${e.year}年自评 ${def.code}）`,
            text: `整改：${def.text}`,
            dueOn: `${e.year + 1}-12-31`,
            dueBasis: 'set',
            section: null,
            createdBy: a.user.id,
            leadUnitIds: [unit.id],
          },
          names,
        );
        await repo.setRectificationTask(tx, g.id, taskId);
        taskIds.push(taskId);
      }
      await appendAudit(tx, {
        userId: a.user.id,
        username: a.user.username,
        jurisdictionCode: a.user.jurisdictionCode,
        clientIp: a.clientIp,
        action: 'selfEvaluation.rectify',
        targetType: 'selfEvaluation',
        targetId: String(id),
        outcome: 'success',
        details: { items: gaps.map((g) => g.itemCode), taskIds },
      });
      return { created: taskIds.length, taskIds };
    });
}
