// Name and ethnicity tables for the synthetic population of 维西傈僳族自治县. The figures are rough
// shares for the county (census-like, not exact); they only need to make the demo look familiar.
import { type Rng, cumulative } from './prng.js';

const ETHNICITY_TABLE: readonly (readonly [string, number])[] = [
  ['傈僳族', 55],
  ['纳西族', 13],
  ['汉族', 13],
  ['藏族', 7],
  ['白族', 5],
  ['彝族', 3],
  ['普米族', 2],
  ['怒族', 1],
  ['回族', 0.6],
  ['苗族', 0.4],
];
const ETHNICITY_CUM = cumulative(ETHNICITY_TABLE.map(([, w]) => w));

export function drawEthnicity(rng: Rng): string {
  return ETHNICITY_TABLE[rng.weighted(ETHNICITY_CUM)]![0];
}

// Common surnames in the county: 和 is the great Naxi surname, 余/蜂/熊/丰/密/腊 are typical of the
// Lisu, the rest are widespread. Weights are relative.
const SURNAME_TABLE: readonly (readonly [string, number])[] = [
  ['和', 12],
  ['余', 10],
  ['李', 9],
  ['杨', 8],
  ['王', 5],
  ['张', 4],
  ['赵', 4],
  ['熊', 3],
  ['蜂', 3],
  ['胡', 3],
  ['罗', 2],
  ['杜', 2],
  ['何', 2],
  ['刘', 2],
  ['陈', 2],
  ['丰', 2],
  ['木', 2],
  ['密', 1],
  ['肖', 1],
  ['段', 1],
  ['鲁', 1],
  ['施', 1],
  ['祝', 1],
  ['腊', 1],
  ['董', 1],
  ['马', 1],
  ['周', 1],
  ['吴', 1],
  ['朱', 1],
  ['郭', 1],
];
const SURNAME_CUM = cumulative(SURNAME_TABLE.map(([, w]) => w));
const LISU_SURNAMES = ['余', '蜂', '熊', '丰', '密', '腊', '祝', '胡'];

/** A surname, leaning on the ethnic group so that 纳西族 families are often 和 and 傈僳族 often 余/蜂. */
export function drawSurname(rng: Rng, ethnicity: string): string {
  if (ethnicity === '纳西族' && rng.chance(0.5)) return '和';
  if (ethnicity === '傈僳族' && rng.chance(0.3)) return rng.pick(LISU_SURNAMES);
  return SURNAME_TABLE[rng.weighted(SURNAME_CUM)]![0];
}

// About 150 given-name characters, split by the sex they usually signal; the neutral ones serve both.
const MALE_CHARS = Array.from(
  '伟刚勇军强明志国建文斌杰涛林峰龙海鹏波辉成荣福贵才忠发平生金宝新兵东元光德全山武松正永学昌俊',
);
const FEMALE_CHARS = Array.from(
  '芳丽娟艳秀英梅兰玉琴霞燕红萍珍凤花莲娇婷雪静慧丹妹仙菊桂敏琳颖莎倩媛娜月彩翠香蓉姣洁佳欣悦怡淑芬春',
);
const NEUTRAL_CHARS = Array.from('晓小思子家宇雨天星瑞祥云清和安乐嘉阳晨心若宁华益少开利双有金');

function givenChar(rng: Rng, male: boolean): string {
  if (rng.chance(0.25)) return rng.pick(NEUTRAL_CHARS);
  return rng.pick(male ? MALE_CHARS : FEMALE_CHARS);
}

// Many 藏族 people in 迪庆 carry Tibetan names without a surname: one or two two-character elements.
const TIBETAN_MALE = [
  '扎西',
  '次仁',
  '多吉',
  '格桑',
  '达瓦',
  '尼玛',
  '平措',
  '顿珠',
  '旺堆',
  '农布',
  '鲁茸',
  '此里',
  '都吉',
  '益西',
  '桑吉',
];
const TIBETAN_FEMALE = ['卓玛', '拉姆', '央金', '曲珍', '德吉', '措姆', '永宗', '白玛', '卓嘎', '央宗', '拉珍'];

/** A full name of 2–4 characters; `surname` is ignored when a Tibetan-style name is chosen. */
export function drawName(rng: Rng, surname: string, male: boolean, ethnicity: string): string {
  if (ethnicity === '藏族' && rng.chance(0.6)) {
    const last = rng.pick(male ? TIBETAN_MALE : TIBETAN_FEMALE);
    const first = rng.pick(TIBETAN_MALE); // first elements like 扎西/次仁 serve both sexes
    return first !== last && rng.chance(0.7) ? first + last : last;
  }
  const given = givenChar(rng, male);
  return rng.chance(0.7) ? surname + given + givenChar(rng, male) : surname + given;
}
