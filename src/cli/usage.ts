/**
 * Each command's usage line, kept apart from the commands themselves so that
 * `annals --help` and a usage error load no command's code (and so none of the
 * store, the server or the exporters).
 */

export const FILTER_USAGE = `[--db FILE|URL] [--actor CODE] [--dyad SRC,TGT] [--code 04|040] [--quad 1-4] [--plover CAT] [--mood M] [--negated yes|no] [--from D] [--to D] [--text WORDS] [--doc ID]`;

export const CODE_USAGE = `annals code [FILES|DIR|-] [--lines] [--date YYYY-MM-DD] [--format jsonl|tsv|pretty] [--dict DIR] [--max-chars N] [--no-require-dyad] [--use-parse] [--report-unknown]`;

export const INGEST_USAGE = `annals ingest [FILES|DIR|-] [--db FILE|URL] [--lines] [--date YYYY-MM-DD] [--dict DIR] [--max-chars N] [--no-require-dyad] [--use-parse] [--batch N] [--workers N]`;

export const RECODE_USAGE = `annals recode [--db FILE|URL] [--dict DIR] [--max-chars N] [--no-require-dyad] [--use-parse] [--batch N] [--workers N]`;

export const QUERY_USAGE = `annals query ${FILTER_USAGE} [--limit N] [--offset N] [--format table|jsonl]`;

export const STATS_USAGE = `annals stats ${FILTER_USAGE} [--by day|week|month|year] [--top actors|dyads [--limit N]] [--all] [--format table|jsonl|csv]`;

export const EXPORT_USAGE = `annals export [--format jsonl|csv|gdelt | --format parquet --out FILE] ${FILTER_USAGE}`;

export const SERVE_USAGE = `annals serve [--db FILE|URL] [--port 8080] [--host 127.0.0.1] [--token T] [--dict DIR]`;

export const QUEUE_USAGE = `annals queue add [FILES|DIR|-] [--db URL] [--lines] [--date YYYY-MM-DD] [--batch N]
  annals queue add --recode [--db URL] [--dict DIR] [--no-require-dyad] [--use-parse] [--batch N]
  annals queue status [--db URL] [--format table|json]
  annals queue retry [--db URL]`;

export const WORKER_USAGE = `annals worker [--db URL] [--concurrency N] [--once] [--lease SECONDS] [--dict DIR] [--max-chars N] [--no-require-dyad] [--use-parse]`;

export const EVAL_USAGE = `annals eval petrarch FILE [--use-parse] [--show-failures]
  annals eval plv FILE.tsv | annals eval gold FILE.jsonl  [--show misses|false|all] [--date D] [--dict DIR] [--no-require-dyad]
  annals eval ud FILE.conllu [--model FILE]   (the parser on a treebank: UAS and LAS on its words and from its raw text)`;

export const PARSE_USAGE = "annals parse [FILES] [--format conllu|pretty] [--model FILE]   (standard input when no file)";
