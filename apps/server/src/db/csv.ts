/** One CSV line (RFC 4180) for COPY … WITH (FORMAT csv); null becomes an unquoted empty field. */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    if (v === null || v === undefined) continue;
    const s = String(v);
    out += /[",\n\r]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
  }
  return out + '\n';
}

/** A bytea value in the text form COPY accepts. */
export function byteaHex(buf: Buffer | Uint8Array): string {
  return '\\x' + Buffer.from(buf).toString('hex');
}
