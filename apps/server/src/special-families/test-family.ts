import type { TestApp } from '../test/app.js';
import { insertTestPerson } from '../events/test-persons.js';

let nextBase = 90;

/** A couple and their children in the registry (as the owner), linked as mother and father. */
export async function insertTestFamily(
  t: TestApp,
  tag: string,
  children: { birthDate: string; deathDate?: string }[],
  residence = '533423101001',
): Promise<{
  mother: { id: number; idNumber: string };
  father: { id: number; idNumber: string };
  children: { id: number; idNumber: string }[];
}> {
  const seq = (n: number) => String(n).padStart(3, '0');
  const base = (nextBase += 10);
  const mother = await insertTestPerson(t, {
    name: `${tag}母`,
    birthDate: '1970-03-04',
    sequence: seq(base),
    residence,
  });
  const father = await insertTestPerson(t, {
    name: `${tag}父`,
    birthDate: '1968-06-07',
    sequence: seq(base + 1),
    residence,
  });
  const kids = [];
  for (const [i, c] of children.entries()) {
    const kid = await insertTestPerson(t, {
      name: `${tag}子${i + 1}`,
      birthDate: c.birthDate,
      sequence: seq(base + 1 + 2 * (i + 1)),
      residence,
    });
    if (c.deathDate) await t.database.query('UPDATE persons SET death_date = $2 WHERE id = $1', [kid.id, c.deathDate]);
    await t.database.query(
      `INSERT INTO relationships (kind, from_person_id, to_person_id, region_code) VALUES ('mother', $1, $3, $4), ('father', $2, $3, $4)`,
      [mother.id, father.id, kid.id, residence],
    );
    kids.push(kid);
  }
  return { mother, father, children: kids };
}
