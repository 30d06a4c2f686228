/**
 * The row where each ID number (by its 16-byte blind index) first appeared in a file. Kept in
 * typed arrays rather than a Map of strings: a million-row file needs about 40 MB here and no
 * million small objects for the garbage collector to walk.
 */
export class BlindIndexFirstRows {
  private keys: Uint32Array; // 4 words per slot
  private rows: Int32Array; // the first row per slot; 0 marks an empty slot
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity <<= 1;
    this.keys = new Uint32Array(capacity * 4);
    this.rows = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Records rowNo for the index and returns 0, or returns the row it was first seen in. */
  firstRowOrAdd(blindIndex: Uint8Array, rowNo: number): number {
    if (blindIndex.length !== 16) throw new RangeError('a blind index has 16 bytes');
    if (rowNo <= 0) throw new RangeError('row numbers start at 1');
    const view = new DataView(blindIndex.buffer, blindIndex.byteOffset, 16);
    const a = view.getUint32(0),
      b = view.getUint32(4),
      c = view.getUint32(8),
      d = view.getUint32(12);
    // The index is an HMAC output, already uniformly spread: its first word is a fine hash.
    for (let slot = a & this.mask; ; slot = (slot + 1) & this.mask) {
      const row = this.rows[slot]!;
      if (row === 0) {
        this.place(slot, a, b, c, d, rowNo);
        return 0;
      }
      const k = slot * 4;
      if (this.keys[k] === a && this.keys[k + 1] === b && this.keys[k + 2] === c && this.keys[k + 3] === d) return row;
    }
  }

  private place(slot: number, a: number, b: number, c: number, d: number, rowNo: number): void {
    const k = slot * 4;
    this.keys[k] = a;
    this.keys[k + 1] = b;
    this.keys[k + 2] = c;
    this.keys[k + 3] = d;
    this.rows[slot] = rowNo;
    this.size++;
    if (this.size * 2 > this.rows.length) this.grow();
  }

  private grow(): void {
    const { keys, rows } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    this.mask = this.rows.length - 1;
    for (let slot = 0; slot < rows.length; slot++) {
      const row = rows[slot]!;
      if (row === 0) continue;
      const k = slot * 4;
      let s = keys[k]! & this.mask;
      while (this.rows[s] !== 0) s = (s + 1) & this.mask;
      this.keys.set(keys.subarray(k, k + 4), s * 4);
      this.rows[s] = row;
    }
  }
}
