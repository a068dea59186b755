/**
 * The API's shapes under the names the page uses. The contract itself is
 * src/serve/api-types.ts, types only and free of Node imports, shared with
 * the server: a change there that the page does not follow fails its build.
 */
export type {
  ApiEvent,
  CodeRequest,
  CodeResponse as Coded,
  DataFile,
  DictionaryResponse as DictionaryFiles,
  DocumentResponse as StoredDocument,
  Event,
  EventCount,
  EventsResponse as EventsPage,
  EventsSort,
  ExportFormat,
  HealthResponse as Health,
  InputProblem,
  LocationRow,
  LocationsResponse as Locations,
  Period,
  SeriesResponse as Series,
  StatsRow,
  TopResponse as Top,
  TopRow,
} from "../../src/serve/api-types.js";
