import {
  normalizeIdNumber,
  regionLevelOf,
  validateNewbornBundle,
  type BundleService,
  type NewbornBundleForm,
  type Sex,
} from '@cradle/domain';
import type { Conn } from '../db/client.js';
import type { RegionService } from '../regions/service.js';
import type { SessionResident } from '../portal/session.js';
import { bundleError } from './errors.js';
import type { Crypto } from './form.js';
import { resolveParents, type FieldProblem } from './parents.js';
import type { OpenBundle } from './repo.js';
import type { NewbornBundleBody } from '@cradle/contract';

/** The hukou region must be a township or village of this deployment (the domain checks the shape). */
export function regionProblem(regions: RegionService, code: string): FieldProblem[] {
  const level = regionLevelOf(code);
  if ((level !== 'township' && level !== 'village') || regions.exists(code)) return [];
  return [
    {
      field: 'hukouRegionCode',
      code: 'hukouRegion.unknown',
      message: {
        zh: `落户地代码 ${code} 不是本平台所辖的乡镇(街道)或村(居)委会`,
        en: `Hukou region ${code} is not a township or village this platform serves`,
      },
    },
  ];
}

export interface Submission {
  form: NewbornBundleForm;
  motherPersonId: number | null;
  fatherPersonId: number | null;
}

/**
 * One open bundle per newborn and resident (our reading of "the same newborn": the same mother,
 * birth date and name; twins differ by name): a second one would give every department the
 * same task twice. 409 with the open bundle's number. `openBefore`: what insertBundle found open
 * before its insert, which this throw rolls back.
 */
export function refuseDuplicate(c: Crypto, openBefore: readonly OpenBundle[], form: NewbornBundleForm): void {
  const mother = normalizeIdNumber(form.mother.idNumber);
  const same = openBefore.find((b) => c.pii.decryptIdNumber(b.mother_id_cipher) === mother);
  if (same) throw bundleError('bundle.duplicate', { bundleId: same.id, bundleNo: same.bundle_no });
}

/**
 * The submitted body as the domain's form, with parents read from the registry where named by
 * person id, checked by validateNewbornBundle and what only the server knows (the family's own
 * registry records, the deployment's regions, the resident's registrations). Every problem at
 * once, as 400 bundle.invalid; nothing has been written.
 */
export async function readSubmission(
  tx: Conn,
  c: Crypto,
  regions: RegionService,
  resident: SessionResident,
  body: NewbornBundleBody,
  now: Date,
): Promise<Submission> {
  const { mother, father } = await resolveParents(tx, c, resident, {
    mother: body.mother,
    father: body.father ?? null,
  });
  const problems = [mother, father].flatMap((p) => (p && 'problem' in p ? [p.problem] : []));
  const placeholder = { name: '', idNumber: '' };
  const form: NewbornBundleForm = {
    newborn: { ...body.newborn, sex: body.newborn.sex as Sex },
    mother: 'parent' in mother ? mother.parent.declaration : placeholder,
    father: father === null ? null : 'parent' in father ? father.parent.declaration : placeholder,
    hukouRegionCode: body.hukouRegionCode,
    services: body.services as BundleService[],
    existingBirthCertificateNo: body.existingBirthCertificateNo ?? null,
    existingNewbornIdNumber: body.existingNewbornIdNumber ?? null,
  };
  // A parent refused above is not checked again as an empty declaration.
  const refused = problems.map((p) => p.field.split('.')[0]);
  const errors: FieldProblem[] = [
    ...problems,
    ...validateNewbornBundle(form, now).filter((e) => !refused.includes(e.field.split('.')[0]!)),
    ...regionProblem(regions, form.hukouRegionCode),
  ];
  // Row-level security shows the resident only their own registrations.
  if (
    body.registrationId !== undefined &&
    (
      await tx.query("SELECT 1 FROM childbirth_registrations WHERE id = $1 AND status = 'completed'", [
        body.registrationId,
      ])
    ).length === 0
  ) {
    errors.push({
      field: 'registrationId',
      code: 'registration.notFound',
      message: {
        zh: '未找到您已办结的这份生育登记',
        en: 'No completed childbirth registration of yours has that number',
      },
    });
  }
  if (errors.length > 0) throw bundleError('bundle.invalid', errors);
  const personOf = (p: typeof mother | null) => (p && 'parent' in p ? p.parent.personId : null);
  return { form, motherPersonId: personOf(mother), fatherPersonId: personOf(father) };
}
