-- A bulk import keeps the counts (migration 0030) once, after its last batch, instead of per
-- statement: an import inserts its persons, links mothers, recomputes parity and refreshes the
-- quality flags, and each statement recounted the same persons again (100,000 rows: 19.8 s with
-- the counts kept per statement, 5.1 s without). With cradle.counts_deferred set on in its
-- transaction, the persons a statement touched are only noted in counts_pending (committed or
-- rolled back with the batch); cradle_counts_flush() recounts them, once each.
CREATE TABLE counts_pending (person_id bigint PRIMARY KEY);
--> statement-breakpoint
ALTER FUNCTION cradle_counts_refresh(bigint[]) RENAME TO cradle_counts_refresh_now;
--> statement-breakpoint
CREATE FUNCTION cradle_counts_refresh(p_ids bigint[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF cardinality(p_ids) = 0 THEN RETURN; END IF;
  IF current_setting('cradle.counts_deferred', true) = 'on' THEN
    INSERT INTO counts_pending (person_id) SELECT DISTINCT i FROM unnest(p_ids) i ON CONFLICT DO NOTHING;
    RETURN;
  END IF;
  PERFORM cradle_counts_refresh_now(p_ids);
END $$;
--> statement-breakpoint
-- Recounts up to p_limit pending persons (the lowest ids) and returns how many: the caller loops
-- until 0, so on PGlite, whose database runs on the server's thread, no call holds it for long.
-- One flush at a time (a second waits, then finds what is left). Called after an import's last
-- batch, and at start-up for an import a stop interrupted between its commit and its flush.
CREATE FUNCTION cradle_counts_flush(p_limit integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_ids bigint[];
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('cradle_counts_flush'));
  WITH taken AS (
    DELETE FROM counts_pending WHERE person_id IN (SELECT person_id FROM counts_pending ORDER BY person_id LIMIT p_limit)
    RETURNING person_id)
  SELECT array_agg(person_id) INTO v_ids FROM taken;
  IF v_ids IS NULL THEN RETURN 0; END IF;
  PERFORM cradle_counts_refresh_now(v_ids);
  RETURN cardinality(v_ids);
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_counts_flush(integer) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cradle_counts_refresh(bigint[]) FROM PUBLIC;
