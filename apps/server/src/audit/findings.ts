import type { Message } from '../errors.js';

/** What verification found wrong, with a message in both languages naming the entry or anchor. */
export interface Finding {
  code:
    | 'chain.hash'
    | 'chain.link'
    | 'anchor.forged'
    | 'anchor.outOfOrder'
    | 'anchor.truncated'
    | 'anchor.rewritten'
    | 'anchor.fileMissing'
    | 'anchor.fileBehind'
    | 'anchor.tableBehind';
  /** The first entry concerned, when there is one. */
  seq: number | null;
  message: Message;
}

const seqList = (seqs: number[]) => seqs.join(', ');

export const finding = {
  /** The hash chain's first broken entry (findFirstBrokenEntry). */
  chain: (b: { seq: number; reason: 'hash' | 'link' }): Finding =>
    b.reason === 'hash' ? finding.chainHash(Number(b.seq)) : finding.chainLink(Number(b.seq)),
  chainHash: (seq: number): Finding => ({
    code: 'chain.hash',
    seq,
    message: { zh: `第 ${seq} 条记录的内容与其哈希不符`, en: `entry seq ${seq}: content does not match its hash` },
  }),
  chainLink: (seq: number): Finding => ({
    code: 'chain.link',
    seq,
    message: {
      zh: `第 ${seq} 条记录未链接到前一条记录`,
      en: `entry seq ${seq}: does not chain to the previous entry`,
    },
  }),
  forged: (where: string, line: number): Finding => ({
    code: 'anchor.forged',
    seq: null,
    message: {
      zh: `${where}第 ${line} 个锚点的签名无效：锚点被伪造或篡改`,
      en: `anchor ${line} in ${where}: its signature is not valid (forged or altered)`,
    },
  }),
  outOfOrder: (line: number): Finding => ({
    code: 'anchor.outOfOrder',
    seq: null,
    message: {
      zh: `锚点文件第 ${line} 行未接续前一行：锚点被删除或调换`,
      en: `anchor file line ${line} does not follow the line before it: anchors were removed or reordered`,
    },
  }),
  truncated: (end: number, a: { seq: number; at: string }, later: number): Finding => ({
    code: 'anchor.truncated',
    seq: end + 1,
    message: {
      zh: `审计日志止于第 ${end} 条，但 ${a.at} 的锚点证明存在第 ${a.seq} 条：末尾记录被删除（超出日志末尾的锚点：${later} 个）`,
      en: `the log ends at seq ${end} but an anchor of ${a.at} vouches for seq ${a.seq}: the newest entries were deleted (anchors beyond the end: ${later})`,
    },
  }),
  rewritten: (after: number, a: { seq: number; at: string }, missing: number[], present: boolean): Finding => {
    const first = missing[0] ?? after + 1;
    const gone = missing.length
      ? { zh: `；缺少第 ${seqList(missing)} 条`, en: `; missing: seq ${seqList(missing)}` }
      : { zh: '', en: '' };
    const what = present
      ? {
          zh: `第 ${a.seq} 条记录的哈希与 ${a.at} 的锚点不符`,
          en: `entry seq ${a.seq} does not have the hash the anchor of ${a.at} vouches for`,
        }
      : {
          zh: `${a.at} 的锚点所证明的第 ${a.seq} 条记录已不存在`,
          en: `entry seq ${a.seq}, vouched for by the anchor of ${a.at}, is gone`,
        };
    const from = missing.length
      ? { zh: `最早自第 ${first} 条`, en: `first at seq ${first}` }
      : { zh: `最早在第 ${first} 条或其后`, en: `first at or after seq ${first}` };
    return {
      code: 'anchor.rewritten',
      seq: first,
      message: {
        zh: `第 ${after} 条之后的记录被改写并重新链接（${from.zh}）：${what.zh}${gone.zh}`,
        en: `entries after seq ${after} were rewritten and re-chained (${from.en}): ${what.en}${gone.en}`,
      },
    };
  },
  fileMissing: (file: string, count: number, newest: { seq: number; at: string }): Finding => ({
    code: 'anchor.fileMissing',
    seq: null,
    message: {
      zh: `锚点文件 ${file} 不存在，但数据库中有 ${count} 个锚点（最新为 ${newest.at} 的第 ${newest.seq} 条）`,
      en: `the anchor file ${file} is missing, but the database holds ${count} anchors (the newest, of ${newest.at}, for seq ${newest.seq})`,
    },
  }),
  fileBehind: (count: number, first: { seq: number; at: string }): Finding => ({
    code: 'anchor.fileBehind',
    seq: null,
    message: {
      zh: `锚点文件缺少数据库中的 ${count} 个锚点（最早为 ${first.at} 的第 ${first.seq} 条）：文件被截断或替换`,
      en: `the anchor file lacks ${count} anchors the database holds (the first, of ${first.at}, for seq ${first.seq}): the file was truncated or replaced`,
    },
  }),
  tableBehind: (count: number, first: { seq: number; at: string }): Finding => ({
    code: 'anchor.tableBehind',
    seq: null,
    message: {
      zh: `数据库缺少锚点文件中的 ${count} 个锚点（最早为 ${first.at} 的第 ${first.seq} 条）：audit_anchors 的行被删除，或封存时服务中断`,
      en: `the database lacks ${count} anchors the file holds (the first, of ${first.at}, for seq ${first.seq}): rows were deleted from audit_anchors, or the server stopped while sealing`,
    },
  }),
};
