/** A Cascader option for one region; `children` stays undefined until loaded. */
export type RegionOption = { value: string; label: string; isLeaf: boolean; children?: RegionOption[] };

export function toOption(region: RegionChild): RegionOption {
  return { value: region.code, label: region.name, isLeaf: !region.hasChildren };
}

export function findOption(tree: readonly RegionOption[], path: readonly string[]): RegionOption | undefined {
  let level: readonly RegionOption[] | undefined = tree;
  let found: RegionOption | undefined;
  for (const code of path) {
    found = level?.find((o) => o.value === code);
    if (!found) return undefined;
    level = found.children;
  }
  return found;
}

/** A copy of `tree` with `children` hung under the option at `path`. */
export function withChildren(
  tree: readonly RegionOption[],
  path: readonly string[],
  children: RegionOption[],
): RegionOption[] {
  const [head, ...rest] = path;
  return tree.map((o) => {
    if (o.value !== head) return o;
    if (rest.length === 0) return { ...o, children, isLeaf: children.length === 0 };
    return { ...o, children: withChildren(o.children ?? [], rest, children) };
  });
}
import type { RegionChild } from '@cradle/contract';
