CREATE TABLE "office_registry" (
	"place" text PRIMARY KEY NOT NULL,
	"province" text NOT NULL,
	"kind" text NOT NULL,
	"name_th" text,
	"set_by" text NOT NULL,
	"set_at_ms" bigint NOT NULL,
	CONSTRAINT "office_registry_kind" CHECK ("office_registry"."kind" IN ('district', 'provincial')),
	CONSTRAINT "office_registry_province" CHECK ("office_registry"."province" = substr("office_registry"."place", 1, 2))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "office_registry_one_provincial" ON "office_registry" USING btree ("province") WHERE "office_registry"."kind" = 'provincial';