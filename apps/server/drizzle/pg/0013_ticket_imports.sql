CREATE TABLE "ticket_imports" (
	"file_key" text PRIMARY KEY NOT NULL,
	"path" text NOT NULL,
	"line" integer NOT NULL,
	"byte_offset" double precision NOT NULL,
	"imported" integer NOT NULL,
	"rejected" integer NOT NULL,
	"report_bytes" double precision NOT NULL,
	"done" boolean NOT NULL,
	"started_at" text NOT NULL,
	"updated_at" text NOT NULL
);
