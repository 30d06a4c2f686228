import { decodeEntities } from './xlsx-xml-entities.js';

/**
 * A tag's attributes by local name: a prefix is dropped (x:r and r are one), as workbook parts
 * use few namespaces. Valid only during the open() call it is passed to.
 */
export interface XmlAttributes {
  get(name: string): string | undefined;
}

/** Where each attribute of the current tag lies in the input. */
export class TagAttributes implements XmlAttributes {
  private s = '';
  /** Per attribute: local name start and end, value start and end. */
  private readonly at: number[] = [];
  private length = 0;

  reset(s: string): this {
    this.s = s;
    this.length = 0;
    return this;
  }

  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    const k = this.length;
    this.at[k] = nameStart;
    this.at[k + 1] = nameEnd;
    this.at[k + 2] = valueStart;
    this.at[k + 3] = valueEnd;
    this.length = k + 4;
  }

  get(name: string): string | undefined {
    const at = this.at;
    for (let k = 0; k < this.length; k += 4) {
      const start = at[k]!;
      if (at[k + 1]! - start === name.length && this.s.startsWith(name, start))
        return decodeEntities(this.s.slice(at[k + 2], at[k + 3]));
    }
    return undefined;
  }
}
