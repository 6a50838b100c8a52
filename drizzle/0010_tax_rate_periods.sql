CREATE TABLE "tax_rate_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tax_rate_id" uuid NOT NULL,
	"rate" numeric(5, 2) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_rate_periods_rate_range" CHECK ("tax_rate_periods"."rate" between 0 and 100),
	CONSTRAINT "tax_rate_periods_dates" CHECK ("tax_rate_periods"."valid_to" is null or "tax_rate_periods"."valid_to" >= "tax_rate_periods"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "country" text DEFAULT 'TH' NOT NULL;--> statement-breakpoint
ALTER TABLE "tax_rate_periods" ADD CONSTRAINT "tax_rate_periods_tax_rate_id_tax_rates_id_fk" FOREIGN KEY ("tax_rate_id") REFERENCES "public"."tax_rates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tax_rate_periods_rate_from_idx" ON "tax_rate_periods" USING btree ("tax_rate_id","valid_from");