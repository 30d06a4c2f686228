import type { Conn } from '../db/client.js';

/**
 * What a migrated database is, read from the catalog as sorted lines: tables and columns, constraints,
 * indexes, functions (with a digest of their bodies, their settings and grants), triggers, policies,
 * row-level security flags, views and grants on tables. Two databases with the same lines have the
 * same schema for every purpose the server relies on. Drizzle's own bookkeeping is left out.
 */
export async function catalogLines(conn: Conn): Promise<string[]> {
  const rows = await conn.query<{ line: string }>(CATALOG_SQL);
  return rows.map((r) => r.line).sort();
}

const CATALOG_SQL = `
SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' null=' || is_nullable
       || ' default=' || coalesce(column_default, '') AS line
  FROM information_schema.columns WHERE table_schema = 'public'
UNION ALL
SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace = 'public'::regnamespace
UNION ALL
SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
UNION ALL
SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') returns '
       || pg_get_function_result(p.oid) || ' volatile=' || p.provolatile::text || ' definer=' || p.prosecdef
       || ' config=' || coalesce(array_to_string(p.proconfig, ','), '') || ' acl=' || coalesce(p.proacl::text, '')
       || ' body=' || md5(p.prosrc)
  FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
UNION ALL
SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t
  JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal
UNION ALL
SELECT 'policy ' || tablename || ' ' || policyname || ' ' || permissive || ' ' || array_to_string(roles, ',') || ' '
       || cmd || ' using=' || coalesce(qual, '') || ' check=' || coalesce(with_check, '')
  FROM pg_policies WHERE schemaname = 'public'
UNION ALL
SELECT 'relation ' || c.relname || ' kind=' || c.relkind::text || ' rls=' || c.relrowsecurity || ' force=' || c.relforcerowsecurity
       || ' acl=' || coalesce(c.relacl::text, '')
  FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'S', 'p')
UNION ALL
SELECT 'view ' || viewname || ' ' || md5(definition) FROM pg_views WHERE schemaname = 'public'
UNION ALL
SELECT 'type ' || t.typname || ' ' || coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
                                                  FROM pg_enum e WHERE e.enumtypid = t.oid), '')
  FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd')
`;
