ALTER TABLE "persons" ADD COLUMN "quality_issues" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" bigint;
--> statement-breakpoint
-- Checks of the main data items (seed 003 三(二) 主要数据项准确率; docs/data-quality.md).
-- Runs as the owner across jurisdictions: a mother registered elsewhere still counts.
-- p_ids NULL refreshes every person; otherwise those persons and their children.
CREATE OR REPLACE FUNCTION cradle_refresh_quality(p_ids bigint[]) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE n integer;
BEGIN
  WITH target AS (
    SELECT id FROM persons WHERE p_ids IS NULL OR id = ANY (p_ids)
    UNION
    SELECT to_person_id FROM relationships WHERE p_ids IS NOT NULL AND from_person_id = ANY (p_ids)
  ), mother AS (
    SELECT l.to_person_id AS id, m.birth_date AS mother_birth
    FROM relationships l JOIN persons m ON m.id = l.from_person_id
    WHERE l.kind = 'mother' AND (p_ids IS NULL OR l.to_person_id IN (SELECT id FROM target))
  ), checked AS (
    SELECT p.id, array_remove(ARRAY[
      CASE WHEN p.household_id IS NULL THEN 'household.missing' END,
      CASE WHEN r1.code IS NULL THEN 'residenceRegion.unknown' END,
      CASE WHEN r2.code IS NULL THEN 'hukouRegion.unknown' END,
      CASE WHEN date_part('year', age(p.birth_date, mo.mother_birth)) NOT BETWEEN 14 AND 55 THEN 'mother.implausibleAge' END
    ], NULL) AS issues
    FROM persons p
    JOIN target t ON t.id = p.id
    LEFT JOIN regions r1 ON r1.code = p.residence_region_code
    LEFT JOIN regions r2 ON r2.code = p.hukou_region_code
    LEFT JOIN mother mo ON mo.id = p.id
  )
  UPDATE persons p SET quality_issues = c.issues
  FROM checked c WHERE c.id = p.id AND p.quality_issues IS DISTINCT FROM c.issues;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_refresh_quality(bigint[]) FROM PUBLIC;
