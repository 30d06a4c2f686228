// The reference cases' CSV files, read as text by vitest (`?raw`) in the tests: the domain
// package has no I/O and no Node types, so its tests cannot read them with node:fs.
declare module '*.csv?raw' {
  const text: string;
  export = text;
}
