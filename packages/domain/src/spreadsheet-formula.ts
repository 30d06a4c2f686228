/**
 * Text a spreadsheet program (Excel, WPS, LibreOffice) would take for a formula, or a DDE call,
 * when it opens a file: one that starts with =, +, -, @, a tab or a carriage return (OWASP, "CSV
 * Injection"). Cradle refuses such text where it imports free text (registry/import/README.md)
 * and neutralises it in every file it writes (the server's spreadsheet/ writers).
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

// A plain number ("-12.50", "+8613800138000") is no formula: written as it is, so amounts and
// numbers keep their sign and digits.
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * A cell's text as Cradle writes it into a CSV or XLSX: formula-looking text gets a leading
 * apostrophe, which spreadsheet programs show and never evaluate; everything else is unchanged.
 */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
