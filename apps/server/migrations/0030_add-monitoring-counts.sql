CREATE TABLE "birth_counts" (
	"region_code" text NOT NULL,
	"month" date NOT NULL,
	"sex" text NOT NULL,
	"parity" smallint NOT NULL,
	"mother_age" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "birth_counts_region_code_month_sex_parity_mother_age_pk" PRIMARY KEY("region_code","month","sex","parity","mother_age")
);
--> statement-breakpoint
CREATE TABLE "counted_persons" (
	"person_id" bigint PRIMARY KEY NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"death_date" date,
	"residence" text NOT NULL,
	"hukou" text NOT NULL,
	"parity" smallint,
	"in_time" boolean NOT NULL,
	"has_issues" boolean NOT NULL,
	"mother_birth" date,
	"maternal" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "death_counts" (
	"region_code" text NOT NULL,
	"month" date NOT NULL,
	"age_band" smallint NOT NULL,
	"maternal" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "death_counts_region_code_month_age_band_maternal_pk" PRIMARY KEY("region_code","month","age_band","maternal")
);
--> statement-breakpoint
CREATE TABLE "living_counts" (
	"region_code" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"reported_in_time" boolean NOT NULL,
	"has_issues" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "living_counts_region_code_sex_birth_date_reported_in_time_has_issues_pk" PRIMARY KEY("region_code","sex","birth_date","reported_in_time","has_issues")
);
--> statement-breakpoint
CREATE TABLE "population_counts" (
	"region_code" text NOT NULL,
	"basis" text NOT NULL,
	"sex" text NOT NULL,
	"birth_month" date NOT NULL,
	"death_month" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "population_counts_region_code_basis_sex_birth_month_death_month_pk" PRIMARY KEY("region_code","basis","sex","birth_month","death_month")
);
--> statement-breakpoint
CREATE INDEX "relationships_child_kind_idx" ON "relationships" USING btree ("to_person_id","kind","from_person_id");--> statement-breakpoint
ALTER TABLE birth_counts ADD CONSTRAINT birth_counts_parity_ck CHECK (parity BETWEEN 0 AND 3);
--> statement-breakpoint
ALTER TABLE death_counts ADD CONSTRAINT death_counts_age_band_ck CHECK (age_band IN (0, 1, 3, 5, 99));
--> statement-breakpoint
ALTER TABLE population_counts ADD CONSTRAINT population_counts_basis_ck CHECK (basis IN ('resident', 'registered'));
--> statement-breakpoint
-- What one person contributes to the counts (monitoring/counts-README.md), resolved from their
-- row, their mother's birth date and their latest death event; counted_persons holds it as counted.
CREATE TYPE cradle_count_fact AS (
  sex text, birth_date date, death_date date, residence text, hukou text, parity smallint,
  in_time boolean, has_issues boolean, mother_birth date, maternal boolean);
--> statement-breakpoint
-- The mother's five-year age group at the birth (count-kinds.ts MOTHER_AGE_GROUPS); '' unknown or outside 15–49.
CREATE FUNCTION cradle_mother_age_group(p_birth date, p_mother_birth date) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  -- One expression, no FROM: the planner inlines it (a function call per birth otherwise).
  SELECT CASE WHEN date_part('year', age(p_birth, p_mother_birth)) BETWEEN 15 AND 49
    THEN (date_part('year', age(p_birth, p_mother_birth))::int / 5 * 5)::text || '-'
      || (date_part('year', age(p_birth, p_mother_birth))::int / 5 * 5 + 4)::text
    ELSE '' END
$$;
--> statement-breakpoint
-- Age at death in the bands of count-kinds.ts DeathAgeBand: under 28 days is 0–27 completed days
-- (WHO ICD-10, neonatal period), the others completed years.
CREATE FUNCTION cradle_death_age_band(p_birth date, p_death date) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE WHEN p_death - p_birth < 28 THEN 0
               WHEN p_death < (p_birth + interval '1 year')::date THEN 1
               WHEN p_death < (p_birth + interval '3 years')::date THEN 3
               WHEN p_death < (p_birth + interval '5 years')::date THEN 5 ELSE 99 END)::smallint
$$;
--> statement-breakpoint
-- The maternal flag of a person's death: their latest death event's (a correction is a new event).
CREATE FUNCTION cradle_latest_maternal(p_person bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT e.maternal FROM life_events e WHERE e.person_id = p_person AND e.kind = 'death'
    ORDER BY e.id DESC LIMIT 1), false)
$$;
--> statement-breakpoint
-- Adds the new facts and takes away the old ones (parity: least() skips a NULL, hence the CASE), for the village and every region above it, in
-- key order (two writers lock shared rows in the same order).
CREATE FUNCTION cradle_counts_apply(p_old cradle_count_fact[], p_new cradle_count_fact[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF cardinality(p_old) = 0 AND cardinality(p_new) = 0 THEN RETURN; END IF;
  INSERT INTO birth_counts AS c (region_code, month, sex, parity, mother_age, n)
  SELECT substr(f.residence, 1, l), date_trunc('month', f.birth_date)::date, f.sex, (CASE WHEN f.parity IS NULL THEN 0 ELSE least(f.parity, 3) END)::smallint,
         cradle_mother_age_group(f.birth_date, f.mother_birth), sum(f.d)
  FROM (SELECT o.*, -1 AS d FROM unnest(p_old) o UNION ALL SELECT x.*, 1 FROM unnest(p_new) x) f
  CROSS JOIN unnest(ARRAY[2, 4, 6, 9, 12]) l
  WHERE l <= length(f.residence)
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.d) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (region_code, month, sex, parity, mother_age) DO UPDATE SET n = c.n + excluded.n;

  INSERT INTO death_counts AS c (region_code, month, age_band, maternal, n)
  SELECT substr(f.residence, 1, l), date_trunc('month', f.death_date)::date, cradle_death_age_band(f.birth_date, f.death_date),
         f.maternal, sum(f.d)
  FROM (SELECT o.*, -1 AS d FROM unnest(p_old) o UNION ALL SELECT x.*, 1 FROM unnest(p_new) x) f
  CROSS JOIN unnest(ARRAY[2, 4, 6, 9, 12]) l
  WHERE f.death_date IS NOT NULL AND l <= length(f.residence)
  GROUP BY 1, 2, 3, 4 HAVING sum(f.d) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (region_code, month, age_band, maternal) DO UPDATE SET n = c.n + excluded.n;

  INSERT INTO population_counts AS c (region_code, basis, sex, birth_month, death_month, n)
  SELECT substr(f.region, 1, l), f.basis, f.sex, date_trunc('month', f.birth_date)::date,
         coalesce(date_trunc('month', f.death_date)::date, '9999-12-01'::date), sum(f.d)
  FROM (SELECT o.residence AS region, 'resident' AS basis, o.sex, o.birth_date, o.death_date, -1 AS d FROM unnest(p_old) o
        UNION ALL SELECT o.hukou, 'registered', o.sex, o.birth_date, o.death_date, -1 FROM unnest(p_old) o
        UNION ALL SELECT x.residence, 'resident', x.sex, x.birth_date, x.death_date, 1 FROM unnest(p_new) x
        UNION ALL SELECT x.hukou, 'registered', x.sex, x.birth_date, x.death_date, 1 FROM unnest(p_new) x) f
  CROSS JOIN unnest(ARRAY[2, 4, 6, 9, 12]) l
  WHERE l <= length(f.region)
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.d) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (region_code, basis, sex, birth_month, death_month) DO UPDATE SET n = c.n + excluded.n;

  INSERT INTO living_counts AS c (region_code, sex, birth_date, reported_in_time, has_issues, n)
  SELECT substr(f.residence, 1, l), f.sex, f.birth_date, f.in_time, f.has_issues, sum(f.d)
  FROM (SELECT o.*, -1 AS d FROM unnest(p_old) o UNION ALL SELECT x.*, 1 FROM unnest(p_new) x) f
  CROSS JOIN unnest(ARRAY[2, 4, 6, 9, 12]) l
  WHERE f.death_date IS NULL AND l <= length(f.residence)
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.d) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (region_code, sex, birth_date, reported_in_time, has_issues) DO UPDATE SET n = c.n + excluded.n;
END $$;
--> statement-breakpoint
-- A person's facts as the registry now holds them. In time: the birth entered within
-- TIMELY_REPORT_DAYS = 30 days (domain quality.ts; seed 003 三(二) 实时上报), the dashboard's own
-- test. A person's mother is the lowest-numbered mother link (two are a quality issue, counted once).
CREATE FUNCTION cradle_count_fact_of(p persons) RETURNS cradle_count_fact
LANGUAGE sql STABLE AS $$
  SELECT ROW(p.sex, p.birth_date, p.death_date, p.residence_region_code, p.hukou_region_code, p.parity,
      p.reported_at <= p.birth_date + make_interval(days => 30), cardinality(p.quality_issues) > 0,
      (SELECT m.birth_date FROM persons m WHERE m.id =
         (SELECT min(r.from_person_id) FROM relationships r WHERE r.kind = 'mother' AND r.to_person_id = p.id)),
      p.death_date IS NOT NULL AND cradle_latest_maternal(p.id))::cradle_count_fact
$$;
--> statement-breakpoint
-- Recounts persons: what counted_persons says was counted for them comes off, what the registry
-- now says goes on, and the ledger follows. Whatever changed them (one table or three, in one
-- statement or many), the counts end as a rebuild would make them. Every join is an index probe
-- per person: the planner cannot estimate an array's length, and a plan made while relationships
-- was empty (the first batch of an import) would scan it once per person; hence enable_seqscan off.
CREATE FUNCTION cradle_counts_refresh(p_ids bigint[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET enable_seqscan = off AS $$
DECLARE
  v_ids bigint[];
  v_new_ids bigint[];
  v_old cradle_count_fact[];
  v_new cradle_count_fact[];
BEGIN
  IF cardinality(p_ids) = 0 THEN RETURN; END IF;
  SELECT coalesce(array_agg(x.id), '{}'),
         coalesce(array_agg(x.id) FILTER (WHERE x.has_new), '{}'),
         coalesce(array_agg(x.old) FILTER (WHERE x.has_old), '{}'),
         coalesce(array_agg(x.new) FILTER (WHERE x.has_new), '{}')
    INTO v_ids, v_new_ids, v_old, v_new
  FROM (
    SELECT ids.i AS id,
      CASE WHEN c.person_id IS NOT NULL THEN ROW(c.sex, c.birth_date, c.death_date, c.residence, c.hukou, c.parity, c.in_time,
        c.has_issues, c.mother_birth, c.maternal)::cradle_count_fact END AS old,
      CASE WHEN p.id IS NOT NULL THEN cradle_count_fact_of(p) END AS new,
      c.person_id IS NOT NULL AS has_old, p.id IS NOT NULL AS has_new
    FROM (SELECT DISTINCT i FROM unnest(p_ids) i) ids
    LEFT JOIN LATERAL (SELECT * FROM counted_persons c WHERE c.person_id = ids.i) c ON true
    LEFT JOIN LATERAL (SELECT * FROM persons p WHERE p.id = ids.i) p ON true
  ) x
  -- A composite with a null field (a living person's death date) IS NOT NULL is false: hence has_old/has_new.
  WHERE x.has_old <> x.has_new OR x.old IS DISTINCT FROM x.new;
  IF cardinality(v_ids) = 0 THEN RETURN; END IF;
  PERFORM cradle_counts_apply(v_old, v_new);
  DELETE FROM counted_persons c USING unnest(v_ids) d(i) WHERE c.person_id = d.i;
  INSERT INTO counted_persons (person_id, sex, birth_date, death_date, residence, hukou, parity, in_time, has_issues, mother_birth, maternal)
  -- unnest, not v_new[i]: reaching element i of an array of composites walks the i before it.
  SELECT n.* FROM unnest(v_new_ids, v_new)
    AS n(id, sex, birth_date, death_date, residence, hukou, parity, in_time, has_issues, mother_birth, maternal);
END $$;
--> statement-breakpoint
-- Persons inserted: them, and any children already linked to them as their mother.
CREATE FUNCTION cradle_counts_persons_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET enable_seqscan = off AS $$
BEGIN
  PERFORM cradle_counts_refresh(ARRAY(
    SELECT x.id FROM new_rows x
    UNION ALL SELECT r.to_person_id FROM new_rows x JOIN relationships r ON r.kind = 'mother' AND r.from_person_id = x.id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION cradle_counts_persons_deleted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET enable_seqscan = off AS $$
BEGIN
  PERFORM cradle_counts_refresh(ARRAY(
    SELECT x.id FROM old_rows x
    UNION ALL SELECT r.to_person_id FROM old_rows x JOIN relationships r ON r.kind = 'mother' AND r.from_person_id = x.id));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Only rows whose counted columns changed (an edit of a name or a phone costs a comparison), and
-- the children of a mother whose birth date changed.
CREATE FUNCTION cradle_counts_persons_updated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET enable_seqscan = off AS $$
BEGIN
  PERFORM cradle_counts_refresh(ARRAY(
    SELECT x.id FROM old_rows o JOIN new_rows x ON x.id = o.id
     WHERE (o.sex, o.birth_date, o.death_date, o.residence_region_code, o.hukou_region_code, o.parity, o.reported_at,
            cardinality(o.quality_issues) > 0)
           IS DISTINCT FROM
           (x.sex, x.birth_date, x.death_date, x.residence_region_code, x.hukou_region_code, x.parity, x.reported_at,
            cardinality(x.quality_issues) > 0)
    UNION ALL
    SELECT r.to_person_id FROM old_rows o JOIN new_rows x ON x.id = o.id
      JOIN relationships r ON r.kind = 'mother' AND r.from_person_id = x.id
     WHERE o.birth_date IS DISTINCT FROM x.birth_date));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Mother links (from = mother, to = child) added, changed or removed: the children.
CREATE FUNCTION cradle_counts_links_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET enable_seqscan = off AS $$
BEGIN
  PERFORM cradle_counts_refresh(ARRAY(SELECT x.to_person_id FROM new_rows x WHERE x.kind = 'mother'));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION cradle_counts_links_deleted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET enable_seqscan = off AS $$
BEGIN
  PERFORM cradle_counts_refresh(ARRAY(SELECT x.to_person_id FROM old_rows x WHERE x.kind = 'mother'));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION cradle_counts_links_updated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET enable_seqscan = off AS $$
BEGIN
  PERFORM cradle_counts_refresh(ARRAY(
    SELECT x.to_person_id FROM old_rows x WHERE x.kind = 'mother'
    UNION ALL SELECT x.to_person_id FROM new_rows x WHERE x.kind = 'mother'));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Death events added, changed or removed: the maternal flag of the person's death.
CREATE FUNCTION cradle_counts_events_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET enable_seqscan = off AS $$
BEGIN
  PERFORM cradle_counts_refresh(ARRAY(SELECT x.person_id FROM new_rows x WHERE x.kind = 'death'));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION cradle_counts_events_deleted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET enable_seqscan = off AS $$
BEGIN
  PERFORM cradle_counts_refresh(ARRAY(SELECT x.person_id FROM old_rows x WHERE x.kind = 'death'));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION cradle_counts_events_updated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET enable_seqscan = off AS $$
BEGIN
  PERFORM cradle_counts_refresh(ARRAY(
    SELECT x.person_id FROM old_rows x WHERE x.kind = 'death' UNION ALL SELECT x.person_id FROM new_rows x WHERE x.kind = 'death'));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Builds every count and the ledger from scratch, 100,000 persons at a time: this migration runs
-- it, a test holds the kept counts to it, and a TRUNCATE of a source table (which fires no row
-- changes) calls it.
CREATE FUNCTION cradle_counts_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  lo bigint;
  hi bigint;
BEGIN
  TRUNCATE birth_counts, death_counts, population_counts, living_counts, counted_persons;
  SELECT min(id), max(id) INTO lo, hi FROM persons;
  WHILE lo <= hi LOOP
    PERFORM cradle_counts_refresh(ARRAY(SELECT p.id FROM persons p WHERE p.id >= lo AND p.id < lo + 100000));
    lo := lo + 100000;
  END LOOP;
END $$;
--> statement-breakpoint
CREATE FUNCTION cradle_counts_truncated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM cradle_counts_rebuild();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER persons_counts_insert AFTER INSERT ON persons REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cradle_counts_persons_inserted();
--> statement-breakpoint
CREATE TRIGGER persons_counts_update AFTER UPDATE ON persons REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cradle_counts_persons_updated();
--> statement-breakpoint
CREATE TRIGGER persons_counts_delete AFTER DELETE ON persons REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cradle_counts_persons_deleted();
--> statement-breakpoint
CREATE TRIGGER persons_counts_truncate AFTER TRUNCATE ON persons FOR EACH STATEMENT EXECUTE FUNCTION cradle_counts_truncated();
--> statement-breakpoint
CREATE TRIGGER relationships_counts_insert AFTER INSERT ON relationships REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cradle_counts_links_inserted();
--> statement-breakpoint
CREATE TRIGGER relationships_counts_update AFTER UPDATE ON relationships REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cradle_counts_links_updated();
--> statement-breakpoint
CREATE TRIGGER relationships_counts_delete AFTER DELETE ON relationships REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cradle_counts_links_deleted();
--> statement-breakpoint
CREATE TRIGGER relationships_counts_truncate AFTER TRUNCATE ON relationships FOR EACH STATEMENT EXECUTE FUNCTION cradle_counts_truncated();
--> statement-breakpoint
CREATE TRIGGER life_events_counts_insert AFTER INSERT ON life_events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cradle_counts_events_inserted();
--> statement-breakpoint
CREATE TRIGGER life_events_counts_update AFTER UPDATE ON life_events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cradle_counts_events_updated();
--> statement-breakpoint
CREATE TRIGGER life_events_counts_delete AFTER DELETE ON life_events REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cradle_counts_events_deleted();
--> statement-breakpoint
CREATE TRIGGER life_events_counts_truncate AFTER TRUNCATE ON life_events FOR EACH STATEMENT EXECUTE FUNCTION cradle_counts_truncated();
--> statement-breakpoint
-- Owner only: they write counts of every jurisdiction.
REVOKE ALL ON FUNCTION cradle_counts_apply(cradle_count_fact[], cradle_count_fact[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_counts_refresh(bigint[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_counts_rebuild() FROM PUBLIC;
--> statement-breakpoint
-- The ledger holds each person's counted facts: row-level security with no policy, no grant.
ALTER TABLE counted_persons ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Read within the jurisdiction like the registry (a row is a region's own figure: a township sees
-- its row and its villages', not the county's); written only by the triggers above.
ALTER TABLE birth_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY birth_counts_scope ON birth_counts FOR SELECT USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE death_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY death_counts_scope ON death_counts FOR SELECT USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE population_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY population_counts_scope ON population_counts FOR SELECT USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
ALTER TABLE living_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY living_counts_scope ON living_counts FOR SELECT USING (cradle_in_jurisdiction(region_code));
--> statement-breakpoint
GRANT SELECT ON birth_counts, death_counts, population_counts, living_counts TO cradle_app;
--> statement-breakpoint
SELECT cradle_counts_rebuild();
