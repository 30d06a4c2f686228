/**
 * SQL for a readable number: the prefix (parameter $1) and the next value of a sequence,
 * zero-padded to 6 digits and never cut (lpad alone would cut a 7th digit), as one expression
 * for an INSERT's VALUES list. Registrations (SY…) and bundles (CS…) are numbered so.
 */
export const numberFromSequence = (sequence: string) =>
  `(SELECT $1 || lpad(s.n::text, greatest(6, length(s.n::text)), '0') FROM (SELECT nextval('${sequence}') AS n) s)`;
