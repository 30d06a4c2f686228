// The seed texts of reference/seeds, read as text by vitest (`?raw`) in the plan tests: the
// domain package has no I/O and no Node types, so its tests cannot read them with node:fs.
declare module '*.txt?raw' {
  const text: string;
  export = text;
}
