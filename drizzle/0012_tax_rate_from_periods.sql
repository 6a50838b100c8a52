ALTER TABLE "tax_rates" DROP CONSTRAINT "tax_rates_rate_range";--> statement-breakpoint
ALTER TABLE "tax_rates" DROP CONSTRAINT "tax_rates_exempt_zero";--> statement-breakpoint
ALTER TABLE "organizations" DROP COLUMN "vat_rate";--> statement-breakpoint
ALTER TABLE "tax_rates" DROP COLUMN "rate";