-- The newborn bundle's form (packages/domain/src/family/newborn-bundle.ts) has two parts that
-- 0010 gave no column: the parents' phones, which the disease-control centre and the card office
-- may return for correction, and the newborn's ID number when hukou was registered outside the
-- bundle (existingNewbornIdNumber), which insurance and the card need in full. Both encrypted as
-- the registration's phones are (pii.ts: AES-256-GCM, field name as associated data); the masked
-- number goes in newborn_id_masked. Custom, so not in db/schema.ts yet (bundle/README.md).
ALTER TABLE newborn_bundles ADD COLUMN IF NOT EXISTS phones_cipher bytea;
--> statement-breakpoint
ALTER TABLE newborn_bundles ADD COLUMN IF NOT EXISTS existing_newborn_id_cipher bytea;
