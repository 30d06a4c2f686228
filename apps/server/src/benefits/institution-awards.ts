import { BUILT_IN_SCHEMES, parsePeriod, type Lang, type SchemeDefinition } from '@cradle/domain';
import type { InstitutionAwardPreview, InstitutionPaymentList } from '@cradle/contract';
import type { Readable } from 'node:stream';
import type { Conn, Database } from '../db/client.js';
import { withScope } from '../db/scope.js';
import { commonError } from '../errors.js';
import { auditedXlsxExport, column, type ExportColumn } from '../exports/index.js';
import { findBatch } from './batches-repo.js';
import { BenefitsError } from './errors.js';
import { judgedOn, judgeInstitutions } from './institution-cycle.js';
import { fenToYuan } from './payment-file-format.js';
import { getScheme, type Actor } from './versions-service.js';

// Schemes paid to childcare institutions (issue 14): who is eligible on the day, with each
// condition's trace, and what a cycle paid, with the trace kept as paid. Institutions are not
// persons: names and credit codes are public (the disclosure page shows them).

const schemeView = (s: SchemeDefinition) => ({
  code: s.code,
  name: s.name,
  frequency: s.frequency,
  legalBasis: s.legalBasis,
  interpretations: [...s.interpretations],
});

/** The institution schemes of a jurisdiction: its own or those of the regions above it. */
export const institutionSchemesIn = (jurisdiction: string) =>
  BUILT_IN_SCHEMES.filter(
    (s) =>
      s.beneficiary === 'institution' &&
      (jurisdiction.startsWith(s.regionCode) || s.regionCode.startsWith(jurisdiction)),
  );

async function regionNames(tx: Conn, codes: string[]) {
  const rows = await tx.query<{ code: string; name: string }>('SELECT code, name FROM regions WHERE code = ANY($1)', [
    [...new Set(codes)],
  ]);
  return new Map(rows.map((r) => [r.code, r.name]));
}

type PaymentRow = InstitutionPaymentList['items'][number];

export function createInstitutionAwards(database: Database, now: () => Date = () => new Date()) {
  const scope = (a: Actor) => ({ jurisdictionCode: a.user.jurisdictionCode });

  async function payments(a: Actor, batchId: number): Promise<InstitutionPaymentList> {
    return withScope(database, scope(a), async (tx) => {
      const batch = await findBatch(tx, batchId);
      if (!batch) throw commonError('notFound');
      const rows = await tx.query(
        `SELECT p.id, p.beneficiary_id, ci.name, ci.filing_no, p.region_code, coalesce(g.name, p.region_code) AS region_name,
                t.filing_version, t.slots, t.affordable_slots, p.amount_fen, p.status, t.judged_on::text AS judged_on, t.trace
           FROM payments p
           JOIN institution_payment_traces t ON t.payment_id = p.id
           JOIN childcare_institutions ci ON ci.id = p.beneficiary_id
           LEFT JOIN regions g ON g.code = p.region_code
          WHERE p.batch_id = $1 AND p.beneficiary_kind = 'institution'
          ORDER BY p.id`,
        [batchId],
      );
      return {
        batchId,
        schemeCode: batch.schemeCode,
        periodKey: batch.periodKey,
        items: rows.map((r) => ({
          paymentId: Number(r.id),
          institutionId: Number(r.beneficiary_id),
          name: String(r.name),
          filingNo: (r.filing_no as string | null) ?? null,
          regionCode: String(r.region_code),
          regionName: String(r.region_name),
          filingVersion: r.filing_version === null ? null : Number(r.filing_version),
          slots: Number(r.slots),
          affordableSlots: Number(r.affordable_slots),
          amountFen: Number(r.amount_fen),
          status: String(r.status),
          judgedOn: String(r.judged_on),
          trace: r.trace as PaymentRow['trace'],
        })),
      };
    });
  }

  return {
    async preview(a: Actor, q: { scheme: string; period: string }): Promise<InstitutionAwardPreview> {
      const scheme = getScheme(q.scheme);
      const mine = institutionSchemesIn(a.user.jurisdictionCode);
      if (!mine.includes(scheme)) throw BenefitsError('scheme.notFound', { scheme: q.scheme });
      if (!parsePeriod(scheme.frequency, q.period)) throw BenefitsError('period.invalid', { period: q.period });
      const day = judgedOn(scheme, q.period, now());
      return withScope(database, scope(a), async (tx) => {
        const judged = await judgeInstitutions(tx, scheme, q.period, a.user.jurisdictionCode, day);
        const names = await regionNames(
          tx,
          judged.map((j) => j.institution.regionCode),
        );
        return {
          schemes: mine.map(schemeView),
          scheme: schemeView(scheme),
          period: q.period,
          judgedOn: day,
          items: judged.map(({ institution: i, eligibility: e }) => ({
            institutionId: i.id,
            name: i.name,
            filingNo: i.filingNo,
            regionCode: i.regionCode,
            regionName: names.get(i.regionCode) ?? i.regionCode,
            slots: i.slots,
            affordableSlots: i.affordableSlots,
            eligible: e.eligible,
            amountFen: e.amount,
            trace: e.trace,
          })),
        };
      });
    },

    payments,

    async exportPayments(a: Actor, batchId: number, lang: Lang): Promise<Readable> {
      const list = await payments(a, batchId);
      async function* pages() {
        yield list.items;
      }
      const text = (m: { zh: string; en: string }, l: Lang) => (l === 'en' ? m.en : m.zh);
      const columns: ExportColumn<PaymentRow>[] = [
        column('支付参考号', 'Payment', 10, (r) => String(r.paymentId)),
        column('托育机构', 'Institution', 28, (r) => r.name),
        column('备案号', 'Filing number', 18, (r) => r.filingNo ?? ''),
        column('所在地', 'Township or village', 16, (r) => r.regionName),
        column('托位', 'Slots', 8, (r) => String(r.slots)),
        column('普惠托位', 'Affordable slots', 10, (r) => String(r.affordableSlots)),
        column('金额（元）', 'Amount (yuan)', 12, (r) => fenToYuan(r.amountFen)),
        column('核定日期', 'Judged on', 12, (r) => r.judgedOn),
        {
          header: { zh: '核定依据', en: 'Why paid' },
          width: 60,
          cell: (r, l) =>
            r.trace
              .map((s) => `${text(s.rule, l)}：${text(s.saw, l)}（${s.basis.document} ${s.basis.clause}）`)
              .join('；'),
        },
      ];
      return auditedXlsxExport(database, { user: a.user, clientIp: a.clientIp }, lang, {
        action: 'benefits.exportInstitutionPayments',
        filter: { batch: batchId, scheme: list.schemeCode, period: list.periodKey },
        sheetName: lang === 'en' ? 'Institution payments' : '机构发放明细',
        columns,
        pages: pages(),
      });
    },
  };
}

export type InstitutionAwards = ReturnType<typeof createInstitutionAwards>;
