/** What one import file may make this process hold; see the README ("Hostile files"). */
export interface FileLimits {
  /** Header columns up to the last non-blank one; a person file has about ten. */
  maxColumns: number;
  /** Distinct texts in a workbook's shared-strings table, which is held whole while the worksheet is read. */
  maxSharedStrings: number;
  /** Their characters in all. */
  maxSharedStringChars: number;
}

// A full worksheet (1,048,575 data rows) with ID numbers, phones and household numbers typed as
// text holds about 2.5 million distinct texts and 40 million characters; these limits leave room
// for that and stop a workbook built to exhaust memory at a few hundred MB.
export const DEFAULT_FILE_LIMITS: FileLimits = {
  maxColumns: 200,
  maxSharedStrings: 4_000_000,
  maxSharedStringChars: 64 * 1024 * 1024,
};

/**
 * The longest text a cell (or a shared string) may hold: Excel's own limit, so no workbook Excel
 * saved is refused. Longer is refused (file.cellTooLong) rather than echoed into row errors.
 */
export const MAX_CELL_CHARS = 32_767;

/** Raw characters a cell may reach before decoding: _xHHHH_ escapes take 7 for 1. */
export const MAX_RAW_CELL_CHARS = 7 * MAX_CELL_CHARS;
