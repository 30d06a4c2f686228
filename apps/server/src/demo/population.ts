// Synthetic population for the demo county (维西傈僳族自治县, 533423). Pure and deterministic: the
// same options give byte-identical output, so demo data and test expectations are reproducible.
// The age–sex pyramid is not imposed; it emerges from building families household by household
// (couples, their children, sometimes grandparents), with rates tuned to look like a rural county
// in China's west: broad middle ages, narrower young cohorts, more old women than old men.
import { computeIdCheckCharacter } from '@cradle/domain';
import { drawEthnicity, drawName, drawSurname } from './names.js';
import { Rng, cumulative } from './prng.js';

export interface DemoVillage {
  code: string;
  townshipCode: string;
}
export interface DemoOptions {
  villages: DemoVillage[];
  targetSize: number;
  seed: number;
  countyCode: string;
  /** 'YYYY-MM-DD'; every date is relative to it and none lies after it. */
  today: string;
  /** 6-digit counties elsewhere that in-migrants hold their hukou (and ID numbers) from. */
  otherCountyCodes: string[];
}
export interface DemoHousehold {
  key: number;
  householdNo: string;
  regionCode: string;
  address: string;
}
export type DemoRelation = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'other';
export interface DemoPerson {
  key: number;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  ethnicity: string;
  idNumber: string;
  hukouRegionCode: string;
  residenceRegionCode: string;
  householdKey: number | null;
  relationToHead: DemoRelation | null;
  reportedAt: string;
  parity: number | null;
}
/** spouse: from = husband, to = wife; mother/father: from = parent, to = child. */
export interface DemoRelationship {
  kind: 'spouse' | 'mother' | 'father';
  fromKey: number;
  toKey: number;
}
export interface DemoPopulation {
  households: DemoHousehold[];
  persons: DemoPerson[];
  relationships: DemoRelationship[];
  /** A synthetic 'census' figure per village, a little above the generated residents (coverage ≈ 96–99%). */
  referencePopulation: { regionCode: string; residentPopulation: number }[];
}

const YEAR = 365.2425;
const DAY_MS = 86_400_000;
const FLOOR_DAY = Date.UTC(1920, 0, 1) / DAY_MS; // nobody is born before 1920
const UNHOUSED_SHARE = 0.015; // deliberate gap: registry persons with no household, for the accuracy figure

// Family households by the wife's age today, 5-year groups from 20; this drives the pyramid's shape.
const WIFE_AGE_CUM = cumulative([5.5, 8.5, 10, 11.5, 12.5, 12.5, 11, 8, 5.5, 4.5, 3.8, 3, 2, 1, 0.35, 0.08]);

/** Chance of being alive at `age` given alive at 40: crude Weibull curves; women outlive men. */
function survives(age: number, male: boolean): number {
  const s = (x: number) => Math.exp(-Math.pow(x / (male ? 80 : 85), male ? 7.5 : 8));
  return s(Math.max(age, 40)) / s(40);
}

// gf/gm: grandparents (parents of the 'side' spouse); h/w: the couple; c: children; solo: lone adult.
type Role = 'gf' | 'gm' | 'h' | 'w' | 'c' | 'solo';
interface Draft {
  role: Role;
  male: boolean;
  birth: number;
  eth: string;
  surname: string;
  migrant: string | null;
  delay: number;
  key: number;
}
interface HouseholdDraft {
  members: Draft[];
  side: Draft | null;
}

const generation = (role: Role): number => (role === 'gf' || role === 'gm' ? 0 : role === 'c' ? 2 : 1);

/** Relation to the head; a child-in-law or parent-in-law has no own code here, so it is 'other'. */
function relationOf(head: Draft, d: Draft, side: Draft | null): DemoRelation {
  if (d === head) return 'head';
  const hg = generation(head.role);
  const dg = generation(d.role);
  if (hg === dg) return 'spouse'; // only couples share a generation within one household
  if (hg === 0) return dg === 2 ? 'grandchild' : d === side ? 'child' : 'other';
  if (dg === 2) return 'child';
  return head === side ? 'parent' : 'other';
}

class Generator {
  readonly rng: Rng;
  readonly today: number;
  readonly windowStart: number; // births after this day are 'the last five years'
  private readonly importStamp: string;
  readonly persons: DemoPerson[] = [];
  readonly households: DemoHousehold[] = [];
  readonly relationships: DemoRelationship[] = [];
  private readonly idSlots = new Map<number, number>(); // see idNumber
  private readonly regionIndex = new Map<string, number>();
  private readonly dates: ({ iso: string; compact: string; stamp: string } | undefined)[];
  private readonly villageWeights: number[];
  private readonly villageCum: Float64Array;
  private readonly births = [0, 0];
  private readonly boys = [0, 0]; // [last five years, earlier]
  private readonly houseNo = new Map<number, number>();

  constructor(readonly opts: DemoOptions) {
    if (opts.villages.length === 0) throw new Error('generateDemoPopulation needs at least one village');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new Error(`today must be YYYY-MM-DD, got ${opts.today}`);
    this.rng = new Rng(opts.seed);
    const [y, m, d] = opts.today.split('-').map(Number);
    this.today = Date.UTC(y!, m! - 1, d) / DAY_MS;
    this.windowStart = Date.UTC(y! - 5, m! - 1, d) / DAY_MS;
    this.dates = new Array<undefined>(this.today - FLOOR_DAY + 1).fill(undefined); // dense: fast look-ups
    this.importStamp = `${this.date(this.windowStart - 1).iso}T00:00:00.000Z`;
    // Uneven villages: weights 1–3, so the largest are two to three times the smallest.
    this.villageWeights = opts.villages.map(() => 1 + 2 * this.rng.float() ** 2);
    this.villageCum = cumulative(this.villageWeights);
  }

  /** 'YYYY-MM-DD', 'YYYYMMDD' and a timestamp prefix for a day, cached by days since 1920 (~39,000). */
  date(day: number): { iso: string; compact: string; stamp: string } {
    let s = this.dates[day - FLOOR_DAY];
    if (s === undefined) {
      const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
      this.dates[day - FLOOR_DAY] = s = {
        iso,
        compact: iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8),
        stamp: iso + 'T0',
      };
    }
    return s;
  }

  draft(role: Role, male: boolean, birth: number, eth: string, surname: string, migrant: string | null): Draft {
    const r = this.rng;
    // Days until the registry heard of the birth: ~92% within 30 days, the rest up to 200.
    const delay = r.chance(0.92) ? 1 + Math.floor(30 * r.float() ** 1.5) : r.int(31, 200);
    return { role, male, birth: Math.round(birth), eth, surname, migrant, delay, key: -1 };
  }

  /** A birth the registry already knows of; the last few weeks' late reports have not arrived yet. */
  known = (d: Draft): boolean => d.birth >= FLOOR_DAY && d.birth + d.delay < this.today;

  /** Sex at birth: SRB ≈ 108 lately, ≈ 113 for older cohorts (China's imbalance peaked 2000–2015). The
   * draw leans against the running tally, so the ratio holds in small samples and for any seed. */
  boy(birth: number): boolean {
    const i = birth > this.windowStart ? 0 : 1;
    const p = i === 0 ? 0.519 : 0.53;
    const male = this.rng.chance(p + 0.02 * (p * this.births[i]! - this.boys[i]!));
    this.births[i]!++;
    if (male) this.boys[i]!++;
    return male;
  }

  migrant(p: number): string | null {
    const others = this.opts.otherCountyCodes;
    return others.length > 0 && this.rng.chance(p) ? this.rng.pick(others) : null;
  }

  ageGap = (): number => Math.min(10, Math.max(-3, this.rng.normal(2.5, 2.5))) * YEAR; // husband's lead

  /** A couple (or its survivor), children still at home and, sometimes, one spouse's parents. */
  family(): HouseholdDraft {
    const r = this.rng;
    for (;;) {
      const wifeAge = 20 + 5 * r.weighted(WIFE_AGE_CUM) + 5 * r.float();
      const wb = this.today - wifeAge * YEAR;
      const firstBirthAge = r.chance(0.9) ? 20.5 + 10 * r.float() * r.float() : 24 + 10 * r.float();
      // Husband a few years older as a rule, at least 23 at the first birth and 22.5 today (≥ 22 at marriage).
      const hb = Math.min(wb - this.ageGap(), wb + (firstBirthAge - 23) * YEAR, this.today - 22.5 * YEAR);
      const hAlive = hb >= FLOOR_DAY && r.chance(survives((this.today - hb) / YEAR, true));
      const wAlive = r.chance(survives(wifeAge, false));
      if (!hAlive && !wAlive) continue; // nobody left: draw another family
      const migrant = this.migrant(0.026); // whole family's hukou elsewhere
      const hEth = drawEthnicity(r);
      const wEth = r.chance(0.7) ? hEth : drawEthnicity(r);
      const hSurname = drawSurname(r, hEth);
      const wSurname = drawSurname(r, wEth);
      const members: Draft[] = [];
      if (hAlive) members.push(this.draft('h', true, hb, hEth, hSurname, migrant));
      if (wAlive) members.push(this.draft('w', false, wb, wEth, wSurname, migrant ?? this.migrant(0.05)));
      const kidSurname = r.chance(0.92) ? hSurname : wSurname;
      this.children(members, wb, firstBirthAge, r.chance(0.85) ? hEth : wEth, kidSurname, migrant);
      let side: Draft | null = null;
      if (r.chance(wifeAge < 35 ? 0.6 : wifeAge < 45 ? 0.45 : wifeAge < 55 ? 0.25 : 0.06)) {
        const wanted = r.chance(0.85) ? 'h' : 'w'; // mostly the husband's parents (patrilocal)
        side = members.find((d) => d.role === wanted) ?? members[0]!;
        const lineSurname = side.role === 'h' ? hSurname : wSurname;
        if (!this.grandparents(members, side.birth, side.eth, lineSurname, migrant)) side = null;
      }
      // At most seven members: the oldest children 'move out' first, as they would in life.
      while (members.length > 7)
        members.splice(
          members.findIndex((d) => d.role === 'c'),
          1,
        );
      return { members, side };
    }
  }

  /** Children by parity progression; recent cohorts (three-child policy, minority county) go on more often. */
  children(
    out: Draft[],
    wb: number,
    firstBirthAge: number,
    eth: string,
    surname: string,
    migrant: string | null,
  ): void {
    const r = this.rng;
    const cohort = 1970 + wb / YEAR;
    const ppr =
      cohort < 1975 ? [0.96, 0.85, 0.42, 0.15] : cohort < 1988 ? [0.95, 0.82, 0.32, 0.1] : [0.94, 0.86, 0.4, 0.1];
    let n = 0;
    while (n < 6 && r.chance(ppr[Math.min(n, 3)]!)) n++;
    let t = wb + firstBirthAge * YEAR;
    for (let i = 0; i < n && t - wb <= 45 * YEAR && t < this.today; i++) {
      const kid = this.draft('c', this.boy(t), t, eth, surname, migrant);
      if (!this.known(kid)) break;
      const age = (this.today - kid.birth) / YEAR;
      // Grown children leave home, daughters earlier (they marry into other households).
      const leaves = kid.male ? Math.min(0.9, (age - 19) / 12) : (age - 17.5) / 8.5;
      if (!r.chance(Math.min(0.95, leaves))) out.push(kid);
      const s = r.float(); // spacing: usually 2–4 years, sometimes 1–2 or 4–8
      t += (s < 0.08 ? 1.05 + 0.95 * r.float() : s < 0.88 ? 2 + 2 * r.float() : 4 + 4 * r.float()) * YEAR;
    }
  }

  /** Adds the living parents of someone born on `childBirth` (mother 20–40 then); false if none live. */
  grandparents(out: Draft[], childBirth: number, eth: string, surname: string, migrant: string | null): boolean {
    const r = this.rng;
    const gmb = childBirth - (20 + 10 * (r.float() + r.float())) * YEAR;
    const gfb = Math.min(gmb - this.ageGap(), childBirth - 23 * YEAR);
    const before = out.length;
    if (gmb >= FLOOR_DAY && r.chance(survives((this.today - gmb) / YEAR, false)))
      out.unshift(this.draft('gm', false, gmb, eth, drawSurname(r, eth), migrant));
    if (gfb >= FLOOR_DAY && r.chance(survives((this.today - gfb) / YEAR, true)))
      out.unshift(this.draft('gf', true, gfb, eth, surname, migrant));
    return out.length > before;
  }

  /** Grandparents raising grandchildren while the parents work away (留守儿童): no parent links. */
  skipped(): HouseholdDraft {
    const r = this.rng;
    const eth = drawEthnicity(r);
    const surname = drawSurname(r, eth);
    const migrant = this.migrant(0.026);
    const members: Draft[] = [];
    let t = this.today - (0.3 + 11 * r.float()) * YEAR;
    // The absent parent was born 25–31 years before the youngest grandchild.
    if (!this.grandparents(members, t - (25 + 6 * r.float()) * YEAR, eth, surname, migrant)) return this.single();
    for (let k = 1 + Number(r.chance(0.5)) + Number(r.chance(0.2)); k > 0; k--) {
      const kid = this.draft('c', this.boy(t), t, eth, surname, migrant);
      if (this.known(kid)) members.push(kid);
      t -= (2 + 2 * r.float()) * YEAR;
    }
    return { members, side: null };
  }

  /** A lone adult, mostly an unmarried man (a common rural pattern). */
  single(): HouseholdDraft {
    const r = this.rng;
    const male = r.chance(0.85);
    const eth = drawEthnicity(r);
    const birth = this.today - (22 + 43 * r.float() ** 1.2) * YEAR;
    return { members: [this.draft('solo', male, birth, eth, drawSurname(r, eth), this.migrant(0.08))], side: null };
  }

  /** ID number: hukou county, birth date, sequence odd for men / even for women, MOD 11-2 check. */
  idNumber(region: string, day: number, male: boolean): string {
    let r = this.regionIndex.get(region);
    if (r === undefined) this.regionIndex.set(region, (r = this.regionIndex.size));
    // Per region, day and sex: a random start, then steps of 37 modulo the prime 499, so the first
    // 499 people of a day get distinct sequences without keeping a set of every ID issued.
    const slotKey = ((r * 80_000 + day - FLOOR_DAY) << 1) | (male ? 1 : 0);
    let state = this.idSlots.get(slotKey);
    if (state === undefined) state = this.rng.int(0, 498) * 1000;
    const used = state % 1000;
    if (used >= 499) throw new Error(`no free ID sequence left for ${region} ${this.date(day).iso}`);
    this.idSlots.set(slotKey, state + 1);
    const slot = (Math.floor(state / 1000) + 37 * used) % 499; // 0..498
    const first17 = region + this.date(day).compact + SEQ[male ? 2 * slot + 1 : 2 * slot + 2]!;
    return first17 + computeIdCheckCharacter(first17);
  }

  emit({ members, side }: HouseholdDraft): void {
    const r = this.rng;
    const v = r.weighted(this.villageCum);
    const village = this.opts.villages[v]!.code;
    const group = r.int(1, 3 + Math.floor(4 * this.villageWeights[v]!)); // 村民小组, more in bigger villages
    const no = (this.houseNo.get(v * 1000 + group) ?? 0) + 1;
    this.houseNo.set(v * 1000 + group, no);
    const hhKey = this.households.length;
    this.households.push({
      key: hhKey,
      householdNo: this.opts.countyCode + String(hhKey + 1).padStart(9, '0'),
      regionCode: village,
      address: `第${group}组${no}号`,
    });
    let gf: Draft | undefined,
      gm: Draft | undefined,
      h: Draft | undefined,
      w: Draft | undefined,
      solo: Draft | undefined;
    for (const d of members) {
      if (d.role === 'gf') gf = d;
      else if (d.role === 'gm') gm = d;
      else if (d.role === 'h') h = d;
      else if (d.role === 'w') w = d;
      else if (d.role === 'solo') solo = d;
    }
    // Head: the elder generation's man (or woman) about half the time, else the husband (rarely the wife).
    const elder = gf ?? gm;
    const younger = (r.chance(0.06) ? w : undefined) ?? h ?? w ?? solo;
    const head = elder && (!younger || r.chance(0.5)) ? elder : (younger ?? members[0]!);
    this.person(head, hhKey, village, 'head');
    let parity = 0; // kids are drafted in birth order, so their order here is their parity
    for (const d of members) if (d !== head) this.person(d, hhKey, village, relationOf(head, d, side));
    const rels = this.relationships;
    if (gf && gm) rels.push({ kind: 'spouse', fromKey: gf.key, toKey: gm.key });
    if (h && w) rels.push({ kind: 'spouse', fromKey: h.key, toKey: w.key });
    if (side && gf) rels.push({ kind: 'father', fromKey: gf.key, toKey: side.key });
    if (side && gm) {
      rels.push({ kind: 'mother', fromKey: gm.key, toKey: side.key });
      this.persons[side.key]!.parity = 1; // the only one of her children in the data
    }
    for (const c of members) {
      if (c.role !== 'c') continue;
      if (h) rels.push({ kind: 'father', fromKey: h.key, toKey: c.key });
      if (w) rels.push({ kind: 'mother', fromKey: w.key, toKey: c.key });
      if (w) this.persons[c.key]!.parity = ++parity;
    }
  }

  person(d: Draft, hhKey: number, village: string, relationToHead: DemoRelation): void {
    const r = this.rng;
    d.key = this.persons.length;
    // Older persons came in with the initial import, the day before the five-year window (one shared
    // string); later births were reported one by one, `delay` days after the birth.
    const reported = d.birth + d.delay;
    const reportedAt =
      reported < this.windowStart
        ? this.importStamp
        : this.date(Math.min(this.today - 1, reported)).stamp + r.pick(CLOCK);
    this.persons.push({
      key: d.key,
      name: drawName(r, d.surname, d.male, d.eth),
      sex: d.male ? 'male' : 'female',
      birthDate: this.date(d.birth).iso,
      ethnicity: d.eth,
      idNumber: this.idNumber(d.migrant ?? this.opts.countyCode, d.birth, d.male),
      hukouRegionCode: d.migrant ?? village,
      residenceRegionCode: village,
      householdKey: hhKey,
      relationToHead,
      reportedAt,
      parity: null,
    });
  }
}

const SEQ = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
// Times of day for reportedAt: 08:00–17:59 Beijing time is 00:00–09:59 UTC.
const CLOCK = Array.from({ length: 600 }, (_, i) => `${Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}:00.000Z`);

export function generateDemoPopulation(opts: DemoOptions): DemoPopulation {
  const g = new Generator(opts);
  const r = g.rng;
  while (g.persons.length < opts.targetSize) {
    const x = r.float();
    g.emit(x < 0.875 ? g.family() : x < 0.945 ? g.skipped() : g.single());
  }
  const persons = g.persons;
  // The deliberate gap: ~1.5% of persons lose their household (never a head, so none is left headless).
  const unhoused = Math.round(persons.length * UNHOUSED_SHARE);
  for (let done = 0, tries = 0; done < unhoused && tries < 100 * persons.length; tries++) {
    const p = persons[r.int(0, persons.length - 1)]!;
    if (p.relationToHead === 'head' || p.householdKey === null) continue;
    p.householdKey = null;
    p.relationToHead = null;
    done++;
  }
  // Synthetic 'census' figure: residents divided by a coverage of 96.5–99%, so the registry looks a bit short.
  const residents = new Map<string, number>();
  for (const p of persons) residents.set(p.residenceRegionCode, (residents.get(p.residenceRegionCode) ?? 0) + 1);
  const referencePopulation = opts.villages.map((v) => ({
    regionCode: v.code,
    residentPopulation: Math.ceil((residents.get(v.code) ?? 0) / (0.965 + 0.025 * r.float())),
  }));
  return { households: g.households, persons, relationships: g.relationships, referencePopulation };
}
