/**
 * The posted document: one table of its fields, from which both endpoints
 * that take documents check them (`POST /api/code` takes text, date and
 * place; `POST /api/documents` every field) and the OpenAPI document
 * describes them. A field of the wrong type, a date that is not a real date
 * or a field the endpoint does not take is a 400 naming it: a client's
 * mistake is told, never stored ("text": 5 as the document "5").
 */
import { normalizeDate } from "../core/index.js";
import { badRequest } from "./errors.js";

export interface FieldSpec {
  description: string;
  /** A `YYYY-MM-DD` date (a string). */
  date?: true;
}

export const DOCUMENT_FIELDS = {
  id: { description: "The document's id; a hash of its text when absent, as annals ingest gives." },
  text: { description: "The article to code." },
  date: { description: "The document's date, YYYY-MM-DD: relative dates in the text are counted from it.", date: true },
  place: { description: "The place it was filed from (a dateline)." },
  title: { description: "Its headline." },
  source: { description: "Who published it." },
  url: { description: "Where it was published." },
} satisfies Record<string, FieldSpec>;

export type FieldName = keyof typeof DOCUMENT_FIELDS;

/** The fields of `POST /api/code`. */
export const CODE_FIELDS: readonly FieldName[] = ["text", "date", "place"];
/** The fields of a document of `POST /api/documents`. */
export const STORED_FIELDS = Object.keys(DOCUMENT_FIELDS) as FieldName[];

export type CheckedDocument = { text: string } & Partial<Record<Exclude<FieldName, "text">, string>>;

const list = (names: readonly string[]) => (names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0]);

/**
 * A posted document checked against the fields `fields`: "text" a string,
 * every other field a string or null (null is absent), "date" a real date;
 * a 400 naming the field (after `where`, as "documents[3]: ") otherwise.
 */
export function checkDocument(value: unknown, fields: readonly FieldName[], where: string, what: string): CheckedDocument {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw badRequest(`${where}${what} must be a JSON object`);
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!(fields as readonly string[]).includes(key)) throw badRequest(`${where}unknown field "${key}": ${what} takes ${list(fields)}`);
  }
  const out: Record<string, string> = {};
  for (const name of fields) {
    const v = o[name];
    const spec: FieldSpec = DOCUMENT_FIELDS[name];
    if (name === "text") {
      if (typeof v !== "string") throw badRequest(`${where}"text" must be a string: the article to code`);
    } else if (v === undefined || v === null) continue;
    else if (typeof v !== "string") throw badRequest(`${where}"${name}" must be a string${spec.date ? " (YYYY-MM-DD)" : ""}, not ${JSON.stringify(v)}`);
    else if (spec.date && !normalizeDate(v)) throw badRequest(`${where}"${name}" ${JSON.stringify(v)} is not a real date (YYYY-MM-DD)`);
    out[name] = v as string;
  }
  return out as CheckedDocument;
}

/** The JSON Schema of a posted document with `fields`, for the OpenAPI document. */
export function documentSchema(fields: readonly FieldName[]) {
  const properties: Record<string, unknown> = {};
  for (const name of fields) {
    const spec: FieldSpec = DOCUMENT_FIELDS[name];
    properties[name] = name === "text" ? { type: "string", description: spec.description } : { type: ["string", "null"], description: spec.description, ...(spec.date ? { format: "date" } : {}) };
  }
  return { type: "object", properties, required: ["text"], additionalProperties: false };
}
