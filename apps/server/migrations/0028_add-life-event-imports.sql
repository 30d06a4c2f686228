ALTER TABLE "import_jobs" ADD COLUMN "file_kind" text DEFAULT 'persons' NOT NULL;--> statement-breakpoint
ALTER TABLE import_jobs ADD CONSTRAINT import_jobs_file_kind_ck CHECK (file_kind IN ('persons', 'lifeEvents'));
--> statement-breakpoint
-- A move changes where a person lives (issue 13). Row-level security lets a jurisdiction change
-- only a person living in it, and only to a residence in it (0001 persons_update), so neither a
-- move out of the jurisdiction nor a move in from elsewhere in the deployment is an UPDATE that
-- cradle_app may make. This moves one person and allows exactly those two: out of the caller's
-- jurisdiction (the old residence is in it) or into it (the new residence is in it). The quality
-- flags follow the new residence. Returns the old residence.
CREATE FUNCTION cradle_move_residence(p_person bigint, p_kind text, p_to text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_old text;
BEGIN
  SELECT residence_region_code INTO v_old FROM persons WHERE id = p_person FOR UPDATE;
  IF v_old IS NULL THEN
    RAISE EXCEPTION 'no person %', p_person USING ERRCODE = 'no_data_found';
  END IF;
  IF NOT ((p_kind = 'moveOut' AND cradle_in_jurisdiction(v_old))
       OR (p_kind = 'moveIn' AND cradle_in_jurisdiction(p_to))) THEN
    RAISE EXCEPTION 'a move must leave or enter the jurisdiction' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE persons SET residence_region_code = p_to, updated_at = now() WHERE id = p_person;
  PERFORM cradle_refresh_quality(ARRAY[p_person]);
  RETURN v_old;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_move_residence(bigint, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cradle_move_residence(bigint, text, text) TO cradle_app;
