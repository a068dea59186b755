import { test } from "node:test";
import assert from "node:assert/strict";
import { detectFormat, normalizeDate, readArticle, readJsonl, readLines, readPetrarchXml } from "../src/core/index.js";

test("a dateline header gives the date and place, and the body is the text", () => {
  const { documents, problems } = readArticle("date 2017-07-05 Moscow\n\nXi met Putin.", "a.txt");
  assert.deepEqual(problems, []);
  assert.equal(documents[0].date, "2017-07-05");
  assert.equal(documents[0].place, "Moscow");
  assert.equal(documents[0].text.trim(), "Xi met Putin.");
  assert.match(documents[0].id, /^[0-9a-f]{16}$/);
});

test("an article without a header takes the fallback date", () => {
  const { documents } = readArticle("Xi met Putin.", "a.txt", "2020-01-02");
  assert.equal(documents[0].date, "2020-01-02");
  assert.equal(documents[0].place, null);
});

test("document ids are stable content hashes", () => {
  const a = readArticle("date 2017-07-05 Moscow\nXi met Putin.", "a.txt").documents[0].id;
  const b = readArticle("date 2017-07-05 Moscow\nXi met Putin.", "b.txt").documents[0].id;
  const c = readArticle("date 2017-07-06 Moscow\nXi met Putin.", "a.txt").documents[0].id;
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test("an impossible dateline date is an error naming the file and line", () => {
  const { documents, problems } = readArticle("\ndate 2017-02-30 Moscow\nXi met Putin.", "bad.txt");
  assert.equal(documents.length, 0);
  assert.equal(problems[0].where, "bad.txt:2");
  assert.match(problems[0].message, /impossible date "2017-02-30"/);
});

test("an empty article is an error", () => {
  assert.match(readArticle("  \n\n", "e.txt").problems[0].message, /empty/);
  assert.match(readArticle("date 2017-07-05 Moscow\n", "e.txt").problems[0].message, /empty/);
});

test("JSONL: each line a document; bad lines are reported with their line and the rest is read", () => {
  const text = [
    `{"id":"a","date":"2019-03-04","text":"Japan protested.","place":"Tokyo","title":"T","source":"S","url":"http://x"}`,
    `{"id":"b","date":"2019-02-31","text":"x"}`,
    `{not json`,
    ``,
    `{"date":"20190305","text":"China and India held talks."}`,
    `{"id":"c"}`,
    `[1,2]`,
  ].join("\n");
  const { documents, problems } = readJsonl(text, "w.jsonl");
  assert.deepEqual(documents.map((d) => d.date), ["2019-03-04", "2019-03-05"]);
  assert.equal(documents[0].title, "T");
  assert.equal(documents[0].place, "Tokyo");
  assert.match(documents[1].id, /^[0-9a-f]{16}$/);
  assert.deepEqual(problems.map((p) => p.where), ["w.jsonl:2", "w.jsonl:3", "w.jsonl:6", "w.jsonl:7"]);
  assert.match(problems[0].message, /impossible date/);
  assert.match(problems[1].message, /malformed JSON/);
  assert.match(problems[2].message, /no "text"/);
});

test("JSONL: a NUL character in a document's id, place, title, source or url refuses that document, with its line", () => {
  const text = [
    `{"id":"a","text":"Japan protested.","title":"T\\u0000x"}`,
    `{"id":"b\\u0000","text":"Japan protested."}`,
    `{"id":"c","text":"Japan protested.","place":"Tokyo"}`,
  ].join("\n");
  const { documents, problems } = readJsonl(text, "n.jsonl");
  assert.deepEqual(documents.map((d) => d.id), ["c"]);
  assert.deepEqual(problems.map((p) => `${p.where} ${p.message}`), ['n.jsonl:1 field "title" holds a NUL character (binary data)', 'n.jsonl:2 field "id" holds a NUL character (binary data)']);
});

test("XML: &#0; and character numbers past Unicode are left as written, not decoded", () => {
  const xml = `<Sentences><Sentence date="20150806" id="X-1"><Text>Arnor &#0; Gondor &#x110000; Rohan &#x41;</Text></Sentence></Sentences>`;
  const { documents, problems } = readPetrarchXml(xml, "t.xml");
  assert.deepEqual(problems, []);
  assert.equal(documents[0].text, "Arnor &#0; Gondor &#x110000; Rohan A");
});

test("--lines: one document a line with the given date", () => {
  const { documents } = readLines("Iran protested.\n\nIraq agreed.\n", "l.txt", "2001-01-01");
  assert.deepEqual(documents.map((d) => d.text), ["Iran protested.", "Iraq agreed."]);
  assert.ok(documents.every((d) => d.date === "2001-01-01"));
});

test("PETRARCH XML sentences with their parse, ids, dates and entities", () => {
  const xml = `<Sentences>
<Sentence date="20150806" id="DEMO-01" sentence="true" category="DEMO">
<Text>
Arnor is about to restore full diplomatic ties with Gondor &amp; Rohan.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="20151332" id="BAD"><Text>x</Text></Sentence>
</Sentences>`;
  const { documents, problems } = readPetrarchXml(xml, "t.xml");
  assert.equal(documents.length, 1);
  assert.equal(documents[0].id, "DEMO-01");
  assert.equal(documents[0].date, "2015-08-06");
  assert.equal(documents[0].text, "Arnor is about to restore full diplomatic ties with Gondor & Rohan.");
  assert.equal(documents[0].parse, "(ROOT (S (NP (NNP Arnor))))");
  assert.equal(problems[0].where, "t.xml:8");
});

test("dates: ISO, compact and timestamps are accepted, impossible ones refused", () => {
  assert.equal(normalizeDate("2016-02-29"), "2016-02-29");
  assert.equal(normalizeDate("20160229"), "2016-02-29");
  assert.equal(normalizeDate("2016-02-29T10:00:00Z"), "2016-02-29");
  assert.equal(normalizeDate("2015-02-29"), null);
  assert.equal(normalizeDate("yesterday"), null);
  assert.equal(normalizeDate("2016-13-01"), null);
});

test("formats are detected from the name, then the first character", () => {
  assert.equal(detectFormat("x.jsonl", ""), "jsonl");
  assert.equal(detectFormat("x.xml", ""), "petrarch");
  assert.equal(detectFormat("-", ' {"text":"a"}'), "jsonl");
  assert.equal(detectFormat("story.txt", "date 2017-01-01 Rome\nText"), "article");
});

test("PETRARCH XML: a record with broken markup is reported with its line, the records around it are read", () => {
  const xml = [
    `<Sentences>`,
    `<Sentence date="20150806" id="A"><Text>China criticized Japan.`,
    `<Sentence date="20150806" id="B"><Text>Russia met Iran.</Text></Sentence>`,
    `<Sentence date="20150806" id="C"><Text>France condemned`,
    `Germany.</Sentence>`,
    `<Sentence date="20150806" id="D"><Text>Chile &amp; Peru met.</Text><Parse>(ROOT</Parse></Sentence>`,
    `<Sentense date="20150806" id="E"><Text>Spain met Italy.</Text></Sentence>`,
    `<Sentence date="20150806" id="F"><Text>Egypt met Sudan.</Text>`,
    `</Sentences>`,
  ].join("\n");
  const { documents, problems, where } = readPetrarchXml(xml, "t.xml");
  assert.deepEqual(documents.map((d) => [d.id, d.text]), [["B", "Russia met Iran."], ["D", "Chile & Peru met."]]);
  assert.deepEqual(where, ["t.xml:3", "t.xml:6"]);
  assert.deepEqual(problems.map((p) => p.where), ["t.xml:2", "t.xml:4", "t.xml:7", "t.xml:8"]);
  assert.match(problems[0].message, /sentence A: no <\/Sentence> before the next <Sentence> \(line 3\)/);
  assert.match(problems[1].message, /sentence C: <Text> is not closed/);
  assert.match(problems[2].message, /<\/Sentence> with no <Sentence>/);
  assert.match(problems[3].message, /sentence F: no <\/Sentence> before the end of the file/);
  assert.ok(problems.every((p) => p.severity === "error"));
});

test("PETRARCH XML: comments, CDATA and empty elements inside a record are markup, not text", () => {
  const xml = `<Sentence id="A"><!-- note --><EventCoding sentenceid="A" noevents="True"/><Text><![CDATA[Iran & Iraq]]> met.<!-- x --></Text></Sentence>`;
  const { documents, problems } = readPetrarchXml(xml, "t.xml");
  assert.deepEqual(problems, []);
  assert.equal(documents[0].text, "Iran & Iraq met.");
});
