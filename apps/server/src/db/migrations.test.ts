import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANDED_MIGRATIONS, LANDED_POINTS, MIGRATION_VARIANTS } from './landed-migrations.js';
import { migrate, migrationsFolder } from './migrate.js';
import { catalogLines } from '../test/catalog.js';
import { createEmptyTestDatabase } from '../test/db.js';

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
  breakpoints: boolean;
}
interface Journal {
  entries: JournalEntry[];
}

const journal = JSON.parse(await readFile(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal;
const sha256 = (text: Buffer) => createHash('sha256').update(text).digest('hex');

describe('landed migrations never change', () => {
  it('pins every migration in the journal to the SHA-256 of its landed text', async () => {
    const unpinned: string[] = [];
    const changed: string[] = [];
    for (const { tag } of journal.entries) {
      const hash = sha256(await readFile(path.join(migrationsFolder, `${tag}.sql`)));
      const pinned = LANDED_MIGRATIONS[tag];
      if (pinned === undefined) unpinned.push(`  '${tag}': '${hash}',`);
      else if (pinned !== hash) changed.push(`${tag}: landed ${pinned}, now ${hash}`);
    }
    expect(changed, 'a landed migration was edited: restore it and write the change as a new migration').toEqual([]);
    expect(unpinned, 'a new migration: add these lines to db/landed-migrations.ts').toEqual([]);
  });

  it('has no pin without its migration and no migration file outside the journal', async () => {
    const tags = journal.entries.map((e) => e.tag);
    expect(Object.keys(LANDED_MIGRATIONS).filter((t) => !tags.includes(t))).toEqual([]);
    const files = (await readdir(migrationsFolder)).filter((f) => f.endsWith('.sql')).map((f) => f.slice(0, -4));
    expect(files.sort()).toEqual([...tags].sort());
  });

  it('numbers migrations in order, each applied after the one before', () => {
    journal.entries.forEach((e, i) => {
      expect(e.idx).toBe(i);
      expect(e.tag.startsWith(String(i).padStart(4, '0') + '_')).toBe(true);
      if (i > 0) expect(e.when).toBeGreaterThan(journal.entries[i - 1]!.when);
    });
  });
});

/** A migrations folder holding the first `count` migrations, with `replace` standing in for some files' texts. */
async function folderUpTo(count: number, replace: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cradle-migrations-'));
  await mkdir(path.join(dir, 'meta'));
  const entries = journal.entries.slice(0, count);
  await writeFile(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const { tag } of entries) {
    await copyFile(replace[tag] ?? path.join(migrationsFolder, `${tag}.sql`), path.join(dir, `${tag}.sql`));
  }
  return dir;
}

/** Migrates a new database with the migrations in `folder`, then on with the real folder; returns its catalog. */
async function upgradedCatalog(folder: string): Promise<string[]> {
  const { database, cleanup } = await createEmptyTestDatabase();
  try {
    await migrate(database, folder);
    await migrate(database);
    return await catalogLines(database);
  } finally {
    await cleanup();
  }
}

async function freshCatalog(): Promise<string[]> {
  const { database, cleanup } = await createEmptyTestDatabase();
  try {
    await migrate(database);
    return await catalogLines(database);
  } finally {
    await cleanup();
  }
}

describe('a database migrated at any earlier point reaches the schema of a fresh one', () => {
  let fresh: string[] = [];

  it('reads a fresh database’s catalog', async () => {
    fresh = await freshCatalog();
    expect(fresh.some((l) => l.startsWith('function cradle_childbirth_registration_context('))).toBe(true);
    expect(fresh.some((l) => l.startsWith('function cradle_registration_context('))).toBe(false);
  });

  it.each(LANDED_POINTS.map((p) => [p.commit, p.migrations] as const))(
    'from the landing at %s (%i migrations)',
    async (_commit, count) => {
      expect(count).toBeLessThanOrEqual(journal.entries.length);
      const folder = await folderUpTo(count);
      try {
        expect(await upgradedCatalog(folder)).toEqual(fresh);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  );

  it.each(MIGRATION_VARIANTS.map((v) => [v.tag, v.file, v.why] as const))(
    'from a database that applied an edited %s (%s)',
    async (tag, file) => {
      const count = journal.entries.findIndex((e) => e.tag === tag) + 1;
      const variant = path.join(path.dirname(new URL(import.meta.url).pathname), 'migration-variants', file);
      const folder = await folderUpTo(count, { [tag]: variant });
      try {
        expect(await upgradedCatalog(folder)).toEqual(fresh);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  );
});
