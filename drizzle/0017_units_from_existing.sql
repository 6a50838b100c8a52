-- Custom SQL migration file, put your code below! --
-- Every unit text already used by a product or a quotation line becomes a unit of its organization,
-- and the rows that used it point at it (the text stays on the line as it was printed).
INSERT INTO "units" ("org_id", "name")
SELECT DISTINCT ON (org_id, lower(u)) org_id, u FROM (
  SELECT "org_id", btrim("unit") AS u FROM "products" WHERE btrim("unit") <> ''
  UNION ALL
  SELECT q."org_id", btrim(l."unit") FROM "quotation_lines" l JOIN "quotations" q ON q."id" = l."quotation_id" WHERE btrim(l."unit") <> ''
) s ORDER BY org_id, lower(u), u;--> statement-breakpoint
UPDATE "products" p SET "unit_id" = u."id" FROM "units" u WHERE u."org_id" = p."org_id" AND lower(u."name") = lower(btrim(p."unit"));--> statement-breakpoint
UPDATE "quotation_lines" l SET "unit_id" = u."id" FROM "quotations" q, "units" u
  WHERE q."id" = l."quotation_id" AND u."org_id" = q."org_id" AND lower(u."name") = lower(btrim(l."unit"));
