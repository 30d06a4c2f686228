/**
 * A name as a public notice shows it (公示): the family knows it, a passer-by does not. The
 * first and last characters stay and every one between is a star: 张*华, 欧**娜; a name of
 * two characters keeps its first (张*). Characters are counted, not bytes or words.
 */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
