CREATE TABLE "discount_policies" (
	"org_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"max_line_percent" numeric(5, 2),
	"max_document_percent" numeric(5, 2),
	CONSTRAINT "discount_policies_org_id_role_pk" PRIMARY KEY("org_id","role"),
	CONSTRAINT "discount_policies_range" CHECK (("discount_policies"."max_line_percent" is null or "discount_policies"."max_line_percent" between 0 and 100) and ("discount_policies"."max_document_percent" is null or "discount_policies"."max_document_percent" between 0 and 100))
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"names" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lost_reasons" ADD COLUMN "names" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "stages" ADD COLUMN "names" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "cc" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "price_list_items" ADD COLUMN "floor_price" numeric(18, 4);--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "floor_price" numeric(18, 4);--> statement-breakpoint
ALTER TABLE "tax_rates" ADD COLUMN "names" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "quotation_lines" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "quotation_lines" ADD COLUMN "price_to_confirm" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "quotations" ADD COLUMN "approval_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "quotations" ADD COLUMN "approval_requested_by_id" uuid;--> statement-breakpoint
ALTER TABLE "quotations" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "quotations" ADD COLUMN "approved_by_id" uuid;--> statement-breakpoint
ALTER TABLE "quotations" ADD COLUMN "approved_version" integer;--> statement-breakpoint
ALTER TABLE "quotations" ADD COLUMN "approval_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "discount_policies" ADD CONSTRAINT "discount_policies_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "units_org_name_idx" ON "units" USING btree ("org_id",lower("name"));--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotation_lines" ADD CONSTRAINT "quotation_lines_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotations" ADD CONSTRAINT "quotations_approval_requested_by_id_users_id_fk" FOREIGN KEY ("approval_requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotations" ADD CONSTRAINT "quotations_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_floor_price_nonneg" CHECK ("products"."floor_price" is null or "products"."floor_price" >= 0);