ALTER TABLE "persons" ADD COLUMN "quality_issues" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" bigint;
--> statement-breakpoint
-- Checks of the main data items (seed 003 三(二) 主要数据项准确率; docs/data-quality.md).
CREATE OR REPLACE FUNCTION cradle_quality_issues(p_household_id bigint, p_residence text, p_hukou text, p_birth date, p_mother_birth date)
RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT array_remove(ARRAY[
    CASE WHEN p_household_id IS NULL THEN 'household.missing' END,
    CASE WHEN NOT EXISTS (SELECT 1 FROM regions WHERE code = p_residence) THEN 'residenceRegion.unknown' END,
    CASE WHEN NOT EXISTS (SELECT 1 FROM regions WHERE code = p_hukou) THEN 'hukouRegion.unknown' END,
    CASE WHEN date_part('year', age(p_birth, p_mother_birth)) NOT BETWEEN 14 AND 55 THEN 'mother.implausibleAge' END
  ], NULL)
$$;
--> statement-breakpoint
-- Records each person's failed checks, across jurisdictions (a mother registered elsewhere
-- still counts). p_ids NULL: everyone (after a bulk load); otherwise those persons and
-- their children, through index look-ups only (it runs after every import batch).
CREATE OR REPLACE FUNCTION cradle_refresh_quality(p_ids bigint[]) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  n integer;
  v_ids bigint[];
BEGIN
  IF p_ids IS NULL THEN
    UPDATE persons p SET quality_issues = c.issues
    FROM (
      SELECT x.id, cradle_quality_issues(x.household_id, x.residence_region_code, x.hukou_region_code, x.birth_date, mo.birth_date) AS issues
      FROM persons x
      LEFT JOIN relationships l ON l.to_person_id = x.id AND l.kind = 'mother'
      LEFT JOIN persons mo ON mo.id = l.from_person_id
    ) c
    WHERE c.id = p.id AND p.quality_issues IS DISTINCT FROM c.issues;
  ELSE
    v_ids := p_ids || ARRAY(SELECT to_person_id FROM relationships WHERE kind = 'mother' AND from_person_id = ANY (p_ids));
    UPDATE persons p SET quality_issues = c.issues
    FROM (
      SELECT x.id, cradle_quality_issues(x.household_id, x.residence_region_code, x.hukou_region_code, x.birth_date,
        (SELECT mo.birth_date FROM relationships l JOIN persons mo ON mo.id = l.from_person_id
          WHERE l.to_person_id = x.id AND l.kind = 'mother' LIMIT 1)) AS issues
      FROM persons x WHERE x.id = ANY (v_ids)
    ) c
    WHERE c.id = p.id AND p.quality_issues IS DISTINCT FROM c.issues;
  END IF;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_refresh_quality(bigint[]) FROM PUBLIC;
