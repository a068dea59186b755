/**
 * The GDELT 2.0 event table's 61 tab-separated columns, in the codebook's
 * order, from a stored event row, so tools written for GDELT read annals
 * events as they are. Fields annals does not have are left empty: actor
 * known-group, ethnic and religion codes, tone, the actors' geography, and
 * every geographic feature id, type and FIPS code (annals' location country
 * is ISO 3166 alpha-3, not GDELT's FIPS 10-4, so it is not passed off as one).
 * Choices where GDELT's meaning differs:
 * - GLOBALEVENTID is the store's event number (`seq`), unique in the store;
 * - IsRootEvent is 1 for an event of a document's first sentence (GDELT:
 *   of its lead paragraph);
 * - NumMentions, NumSources, NumArticles are 1: each row is one report;
 * - DATEADDED is when the document was coded, YYYYMMDDHHMMSS (UTC).
 * CAMEO codes stay strings with their leading zeros.
 */
import type { EventRow } from "../store/index.js";

const ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"];
const GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"];

/** The codebook's column names, in order. */
export const GDELT_COLUMNS: readonly string[] = [
  "GLOBALEVENTID",
  "SQLDATE",
  "MonthYear",
  "Year",
  "FractionDate",
  ...ACTOR.map((c) => `Actor1${c}`),
  ...ACTOR.map((c) => `Actor2${c}`),
  "IsRootEvent",
  "EventCode",
  "EventBaseCode",
  "EventRootCode",
  "QuadClass",
  "GoldsteinScale",
  "NumMentions",
  "NumSources",
  "NumArticles",
  "AvgTone",
  ...GEO.map((c) => `Actor1Geo_${c}`),
  ...GEO.map((c) => `Actor2Geo_${c}`),
  ...GEO.map((c) => `ActionGeo_${c}`),
  "DATEADDED",
  "SOURCEURL",
];

type Cell = string | number | null | undefined;

/** `YYYY.FFFF`: the year and the fraction of it gone by that day (day of year / 365), as GDELT computes it. */
export function fractionDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const day = (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 0)) / 86_400_000;
  return (y + day / 365).toFixed(4);
}

function actor(r: EventRow, side: "source" | "target"): Cell[] {
  const sectors = typeof r[`${side}_sectors`] === "string" && r[`${side}_sectors`] !== "" ? (r[`${side}_sectors`] as string).split(",") : [];
  return [r[`${side}_code`], r[`${side}_name`], r[`${side}_country`], null, null, null, null, sectors[0], sectors[1], sectors[2]];
}

const emptyGeo = (): Cell[] => [null, null, null, null, null, null, null, null];
// no tabs or line breaks inside a field: they would shift every column after it
const clean = (c: Cell) => (c === null || c === undefined ? "" : String(c).replace(/[\t\r\n]+/g, " "));

export function gdeltCells(r: EventRow): string[] {
  const date = r.date as string | null;
  const code = r.code as string;
  const codedAt = typeof r.doc_coded_at === "string" ? r.doc_coded_at.replace(/[-:T]/g, "").slice(0, 14) : null;
  const cells: Cell[] = [
    r.seq,
    date?.replace(/-/g, ""),
    date?.slice(0, 7).replace("-", ""),
    date?.slice(0, 4),
    date && fractionDate(date),
    ...actor(r, "source"),
    ...actor(r, "target"),
    r.sentence === 0 ? 1 : 0,
    code,
    code.length > 3 ? code.slice(0, 3) : code,
    r.root,
    r.quad,
    r.goldstein,
    1,
    1,
    1,
    null,
    ...emptyGeo(),
    ...emptyGeo(),
    null,
    r.location_name,
    null,
    null,
    null,
    r.location_lat,
    r.location_lon,
    null,
    codedAt,
    r.doc_url,
  ];
  return cells.map(clean);
}

export const gdeltLine = (r: EventRow): string => gdeltCells(r).join("\t") + "\n";
