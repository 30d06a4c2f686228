/** A child the registry links to a parent. */
export interface RegistryChild {
  personId: string;
  name: string;
  birthDate: string;
}

/** The registry's children of each parent; null when the registry does not know that parent (or there is none). */
export interface CoupleChildren {
  mother: readonly RegistryChild[] | null;
  father: readonly RegistryChild[] | null;
}

/** Names compared the way people type them: without spaces, any of the dots people use for the 间隔号 read as “·”. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/gu, '').replace(/[·•‧・．.]/gu, '·');
  return norm(a) === norm(b);
}

/**
 * 孩次 (`parity`) of the child being registered, from the registry, never typed by the family.
 * The mother's children are counted when the registry knows her, the father's only when it
 * does not: that is the basis of persons.parity (cradle_recompute_parity, birth order among the
 * mother's children), which the benefit schemes read, so a registration and a later birth grant
 * agree on the child's parity. When both parents are known and their sets differ we still count
 * the mother's and do not take the union, which would also count the father's children with
 * someone else; checkAgainstRegistry reports the difference (parentsChildrenDiffer) so the
 * township worker can correct the registry's links.
 *
 * Parity is birth order: for a born child, siblings born before it count, and so does one born
 * the same day under another name (a twin); one of the same name and day is this child already
 * on record and does not. For a pregnancy every existing child counts.
 */
export function parityFromRegistry(
  existing: CoupleChildren,
  declared?: { name: string; birthDate: string } | null,
): number {
  const basis = existing.mother ?? existing.father ?? [];
  const children = [...new Map(basis.map((c) => [c.personId, c])).values()];
  const older =
    declared == null
      ? children
      : children.filter(
          (c) =>
            c.birthDate < declared.birthDate ||
            (c.birthDate === declared.birthDate && !sameName(c.name, declared.name)),
        );
  return older.length + 1;
}
