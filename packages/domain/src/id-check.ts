// GB 11643-1999 §8.2: ISO 7064 MOD 11-2 check character over the first 17 digits.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits of an 18-character ID number. */
export function computeIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('computeIdCheckCharacter needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}
