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
ALTER TABLE birth_counts ADD CONSTRAINT birth_counts_parity_ck CHECK (parity BETWEEN 0 AND 3);
--> statement-breakpoint
ALTER TABLE death_counts ADD CONSTRAINT death_counts_age_band_ck CHECK (age_band IN (0, 1, 3, 5, 99));
--> statement-breakpoint
ALTER TABLE population_counts ADD CONSTRAINT population_counts_basis_ck CHECK (basis IN ('resident', 'registered'));
--> statement-breakpoint
-- What one person contributes to the counts (monitoring/counts-README.md), resolved from their
-- row, their mother's birth date and their latest death event.
CREATE TYPE cradle_count_fact AS (
  sex text, birth_date date, death_date date, residence text, hukou text, parity smallint,
  in_time boolean, has_issues boolean, mother_birth date, maternal boolean);
--> statement-breakpoint
-- The columns of persons the counts read: what the triggers pass on from a transition table.
CREATE TYPE cradle_count_person AS (
  id bigint, sex text, birth_date date, death_date date, residence text, hukou text, parity smallint,
  in_time boolean, has_issues boolean);
--> statement-breakpoint
-- The mother's five-year age group at the birth (count-kinds.ts MOTHER_AGE_GROUPS); '' unknown or outside 15–49.
CREATE FUNCTION cradle_mother_age_group(p_birth date, p_mother_birth date) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN a BETWEEN 15 AND 49 THEN (a / 5 * 5)::text || '-' || (a / 5 * 5 + 4)::text ELSE '' END
  FROM (SELECT date_part('year', age(p_birth, p_mother_birth))::int AS a) x
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
-- A person row as the counts read it. In time: the birth entered within TIMELY_REPORT_DAYS = 30
-- days (domain quality.ts; seed 003 三(二) 实时上报), the dashboard's own test.
CREATE FUNCTION cradle_count_person_of(p persons) RETURNS cradle_count_person
LANGUAGE sql STABLE AS $$
  SELECT ROW(p.id, p.sex, p.birth_date, p.death_date, p.residence_region_code, p.hukou_region_code, p.parity,
    p.reported_at <= p.birth_date + make_interval(days => 30), cardinality(p.quality_issues) > 0)::cradle_count_person
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
-- Persons changed by one statement: p_old as they were (changed or deleted), p_new as they are
-- (changed or inserted). Their children's mother age follows a mother's birth date, so children
-- of a person whose birth date changed, appeared or went are recounted too. A person's mother is
-- the lowest-numbered mother link (a child with two is a quality issue, counted once).
CREATE FUNCTION cradle_counts_persons_changed(p_old cradle_count_person[], p_new cradle_count_person[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_old cradle_count_fact[];
  v_new cradle_count_fact[];
BEGIN
  WITH o AS (SELECT * FROM unnest(p_old)), n AS (SELECT * FROM unnest(p_new)),
  moved AS (SELECT coalesce(o.id, n.id) AS id FROM o FULL JOIN n ON n.id = o.id WHERE o.birth_date IS DISTINCT FROM n.birth_date),
  kids AS (SELECT r.to_person_id AS id FROM relationships r JOIN moved m ON r.kind = 'mother' AND r.from_person_id = m.id
           EXCEPT SELECT id FROM o EXCEPT SELECT id FROM n),
  before AS (SELECT o.*, true AS changed FROM o
             UNION ALL SELECT (cradle_count_person_of(p)).*, false FROM kids k JOIN persons p ON p.id = k.id),
  with_mother AS (SELECT b.*, (SELECT min(r.from_person_id) FROM relationships r WHERE r.kind = 'mother' AND r.to_person_id = b.id) AS mother
                  FROM before b)
  SELECT coalesce(array_agg(ROW(w.sex, w.birth_date, w.death_date, w.residence, w.hukou, w.parity, w.in_time, w.has_issues,
           CASE WHEN om.id IS NOT NULL THEN om.birth_date WHEN nm.id IS NOT NULL THEN NULL ELSE pm.birth_date END,
           w.death_date IS NOT NULL AND cradle_latest_maternal(w.id))::cradle_count_fact), '{}')
  INTO v_old
  FROM with_mother w LEFT JOIN o om ON om.id = w.mother LEFT JOIN n nm ON nm.id = w.mother LEFT JOIN persons pm ON pm.id = w.mother;

  WITH o AS (SELECT * FROM unnest(p_old)), n AS (SELECT * FROM unnest(p_new)),
  moved AS (SELECT coalesce(o.id, n.id) AS id FROM o FULL JOIN n ON n.id = o.id WHERE o.birth_date IS DISTINCT FROM n.birth_date),
  kids AS (SELECT r.to_person_id AS id FROM relationships r JOIN moved m ON r.kind = 'mother' AND r.from_person_id = m.id
           EXCEPT SELECT id FROM o EXCEPT SELECT id FROM n),
  after AS (SELECT n.* FROM n UNION ALL SELECT (cradle_count_person_of(p)).* FROM kids k JOIN persons p ON p.id = k.id)
  SELECT coalesce(array_agg(ROW(a.sex, a.birth_date, a.death_date, a.residence, a.hukou, a.parity, a.in_time, a.has_issues,
           (SELECT pm.birth_date FROM persons pm WHERE pm.id =
              (SELECT min(r.from_person_id) FROM relationships r WHERE r.kind = 'mother' AND r.to_person_id = a.id)),
           a.death_date IS NOT NULL AND cradle_latest_maternal(a.id))::cradle_count_fact), '{}')
  INTO v_new
  FROM after a;

  PERFORM cradle_counts_apply(v_old, v_new);
END $$;
--> statement-breakpoint
CREATE FUNCTION cradle_counts_persons_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM cradle_counts_persons_changed('{}', ARRAY(SELECT cradle_count_person_of(x) FROM new_rows x));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION cradle_counts_persons_deleted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM cradle_counts_persons_changed(ARRAY(SELECT cradle_count_person_of(x) FROM old_rows x), '{}');
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Only rows whose counted columns changed: an edit of a name or a phone costs nothing more.
CREATE FUNCTION cradle_counts_persons_updated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_old cradle_count_person[];
  v_new cradle_count_person[];
BEGIN
  SELECT coalesce(array_agg(a.o), '{}'), coalesce(array_agg(a.n), '{}') INTO v_old, v_new
  FROM (SELECT cradle_count_person_of(o) AS o, cradle_count_person_of(x) AS n
        FROM old_rows o JOIN new_rows x ON x.id = o.id) a
  WHERE a.o IS DISTINCT FROM a.n;
  PERFORM cradle_counts_persons_changed(v_old, v_new);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Mother links (from = mother, to = child) added, changed or removed: the children's mother age.
CREATE FUNCTION cradle_counts_links_changed(p_old bigint[][], p_new bigint[][]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_old cradle_count_fact[];
  v_new cradle_count_fact[];
BEGIN
  WITH o AS (SELECT p_old[i][1] AS f, p_old[i][2] AS t FROM generate_subscripts(p_old, 1) i),
  n AS (SELECT p_new[i][1] AS f, p_new[i][2] AS t FROM generate_subscripts(p_new, 1) i),
  kids AS (SELECT t AS id FROM o UNION SELECT t FROM n),
  m AS (
    SELECT k.id,
      (SELECT min(s.f) FROM (SELECT r.from_person_id AS f FROM relationships r
                               WHERE r.kind = 'mother' AND r.to_person_id = k.id
                                 AND NOT EXISTS (SELECT 1 FROM n WHERE n.f = r.from_person_id AND n.t = k.id)
                             UNION ALL SELECT o.f FROM o WHERE o.t = k.id) s) AS mother_before,
      (SELECT min(r.from_person_id) FROM relationships r WHERE r.kind = 'mother' AND r.to_person_id = k.id) AS mother_now
    FROM kids k),
  ch AS (
    SELECT (cradle_count_person_of(p)).*, (SELECT birth_date FROM persons WHERE id = m.mother_before) AS bd_before,
      (SELECT birth_date FROM persons WHERE id = m.mother_now) AS bd_now
    FROM m JOIN persons p ON p.id = m.id WHERE m.mother_before IS DISTINCT FROM m.mother_now)
  SELECT coalesce(array_agg(ROW(sex, birth_date, death_date, residence, hukou, parity, in_time, has_issues, bd_before,
           death_date IS NOT NULL AND cradle_latest_maternal(id))::cradle_count_fact), '{}'),
         coalesce(array_agg(ROW(sex, birth_date, death_date, residence, hukou, parity, in_time, has_issues, bd_now,
           death_date IS NOT NULL AND cradle_latest_maternal(id))::cradle_count_fact), '{}')
  INTO v_old, v_new FROM ch;
  PERFORM cradle_counts_apply(v_old, v_new);
END $$;
--> statement-breakpoint
CREATE FUNCTION cradle_counts_links_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM cradle_counts_links_changed('{}',
    coalesce((SELECT array_agg(ARRAY[x.from_person_id, x.to_person_id]) FROM new_rows x WHERE x.kind = 'mother'), '{}'));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION cradle_counts_links_deleted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM cradle_counts_links_changed(
    coalesce((SELECT array_agg(ARRAY[x.from_person_id, x.to_person_id]) FROM old_rows x WHERE x.kind = 'mother'), '{}'), '{}');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION cradle_counts_links_updated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM cradle_counts_links_changed(
    coalesce((SELECT array_agg(ARRAY[x.from_person_id, x.to_person_id]) FROM old_rows x WHERE x.kind = 'mother'), '{}'),
    coalesce((SELECT array_agg(ARRAY[x.from_person_id, x.to_person_id]) FROM new_rows x WHERE x.kind = 'mother'), '{}'));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Death events added, changed or removed: the maternal flag of a person who has a death date.
CREATE FUNCTION cradle_counts_events_changed(p_old bigint[][], p_new bigint[][]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_old cradle_count_fact[];
  v_new cradle_count_fact[];
BEGIN
  -- Each entry: event id, person id, maternal (1 or 0).
  WITH o AS (SELECT p_old[i][1] AS id, p_old[i][2] AS person, p_old[i][3] = 1 AS maternal FROM generate_subscripts(p_old, 1) i),
  n AS (SELECT p_new[i][1] AS id, p_new[i][2] AS person FROM generate_subscripts(p_new, 1) i),
  persons_hit AS (SELECT person AS id FROM o UNION SELECT person FROM n),
  m AS (
    SELECT h.id,
      coalesce((SELECT s.maternal FROM (
          SELECT e.id, e.maternal FROM life_events e WHERE e.person_id = h.id AND e.kind = 'death'
            AND NOT EXISTS (SELECT 1 FROM n WHERE n.id = e.id)
          UNION ALL SELECT o.id, o.maternal FROM o WHERE o.person = h.id) s ORDER BY s.id DESC LIMIT 1), false) AS before,
      cradle_latest_maternal(h.id) AS now
    FROM persons_hit h),
  ch AS (
    SELECT (cradle_count_person_of(p)).*, m.before, m.now,
      (SELECT pm.birth_date FROM persons pm WHERE pm.id =
         (SELECT min(r.from_person_id) FROM relationships r WHERE r.kind = 'mother' AND r.to_person_id = p.id)) AS mother_birth
    FROM m JOIN persons p ON p.id = m.id WHERE p.death_date IS NOT NULL AND m.before IS DISTINCT FROM m.now)
  SELECT coalesce(array_agg(ROW(sex, birth_date, death_date, residence, hukou, parity, in_time, has_issues, mother_birth, before)::cradle_count_fact), '{}'),
         coalesce(array_agg(ROW(sex, birth_date, death_date, residence, hukou, parity, in_time, has_issues, mother_birth, now)::cradle_count_fact), '{}')
  INTO v_old, v_new FROM ch;
  PERFORM cradle_counts_apply(v_old, v_new);
END $$;
--> statement-breakpoint
CREATE FUNCTION cradle_counts_events_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM cradle_counts_events_changed('{}',
    coalesce((SELECT array_agg(ARRAY[x.id, x.person_id, CASE WHEN x.maternal THEN 1 ELSE 0 END]) FROM new_rows x WHERE x.kind = 'death'), '{}'));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION cradle_counts_events_deleted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM cradle_counts_events_changed(
    coalesce((SELECT array_agg(ARRAY[x.id, x.person_id, CASE WHEN x.maternal THEN 1 ELSE 0 END]) FROM old_rows x WHERE x.kind = 'death'), '{}'), '{}');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION cradle_counts_events_updated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM cradle_counts_events_changed(
    coalesce((SELECT array_agg(ARRAY[x.id, x.person_id, CASE WHEN x.maternal THEN 1 ELSE 0 END]) FROM old_rows x WHERE x.kind = 'death'), '{}'),
    coalesce((SELECT array_agg(ARRAY[x.id, x.person_id, CASE WHEN x.maternal THEN 1 ELSE 0 END]) FROM new_rows x WHERE x.kind = 'death'), '{}'));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Builds every count from scratch, 100,000 persons at a time: this migration runs it, a test holds
-- the kept counts to it, and a TRUNCATE of a source table (which fires no row changes) calls it.
CREATE FUNCTION cradle_counts_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  lo bigint;
  hi bigint;
BEGIN
  TRUNCATE birth_counts, death_counts, population_counts, living_counts;
  SELECT min(id), max(id) INTO lo, hi FROM persons;
  WHILE lo <= hi LOOP
    PERFORM cradle_counts_apply('{}', ARRAY(
      SELECT ROW(c.sex, c.birth_date, c.death_date, c.residence, c.hukou, c.parity, c.in_time, c.has_issues,
        (SELECT pm.birth_date FROM persons pm WHERE pm.id =
           (SELECT min(r.from_person_id) FROM relationships r WHERE r.kind = 'mother' AND r.to_person_id = c.id)),
        c.death_date IS NOT NULL AND cradle_latest_maternal(c.id))::cradle_count_fact
      FROM (SELECT (cradle_count_person_of(p)).* FROM persons p WHERE p.id >= lo AND p.id < lo + 100000) c));
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
REVOKE ALL ON FUNCTION cradle_counts_persons_changed(cradle_count_person[], cradle_count_person[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_counts_links_changed(bigint[], bigint[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_counts_events_changed(bigint[], bigint[]) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_counts_rebuild() FROM PUBLIC;
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
