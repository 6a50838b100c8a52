-- Custom SQL migration: every existing tax rate keeps the figure it had, as one open-ended period
-- from 2000-01-01 (an admin dates it further under Admin > Tax rates); the organization's country
-- follows its currency.
INSERT INTO "tax_rate_periods" ("tax_rate_id", "rate", "valid_from")
SELECT "id", "rate", DATE '2000-01-01' FROM "tax_rates";
--> statement-breakpoint
UPDATE "organizations" SET "country" = CASE "currency" WHEN 'VND' THEN 'VN' WHEN 'RUB' THEN 'RU' ELSE 'TH' END;
