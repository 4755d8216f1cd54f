// Opens a built dataset's report site in headless Chromium, as a reader would, and checks it:
// every statement's highlight is an element whose text is its quote, every evidence highlight
// holds its words, every claim on a record page links to a highlight that exists, no request
// leaves the machine, no dialog opens and the policy refuses nothing (hostile text stays inert),
// the search finds a quote, and axe-core finds no WCAG 2 A/AA violation. Takes screenshots.
// usage: node scripts/site/check-site.mjs DATASET_DIR SCREENSHOT_DIR [MAX_PAGES_PER_KIND]
import { readFileSync, mkdirSync, readdirSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";

// Installed apart (npm install --prefix target/site-node), found through NODE_PATH.
const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const [dir, shots, maxArg] = process.argv.slice(2);
const max = Number(maxArg || 1000000);
const site = resolve(dir, "site");
const read = (f) => JSON.parse(readFileSync(join(dir, f), "utf8"));
const statements = read("statements.json");
const actors = read("actors.json");
const incidents = read("incidents.json");
const outcomes = read("outcomes.json");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
mkdirSync(shots, { recursive: true });

const problems = [];
const fail = (what) => { problems.push(what); };
const url = (rel) => pathToFileURL(join(site, rel)).href;

// The words each element of an article page must hold: statements whole; evidence by its id.
const expected = new Map(); // article id -> [{id, words, kind}]
const add = (article, id, words, kind) => {
  if (!expected.has(article)) expected.set(article, []);
  expected.get(article).push({ id, words, kind });
};
for (const s of statements) add(s.article, s.id, s.quote, "statement");
for (const r of [...actors, ...incidents, ...outcomes]) {
  (r.evidence || []).forEach((e, i) => add(e.article, `${r.id}.evidence.${i}`, e.quote, "evidence"));
  if (r.standing) add(r.standing.evidence.article, `${r.id}.standing`, r.standing.evidence.quote, "evidence");
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
const outside = [];
await context.route("**/*", (route) => {
  const u = route.request().url();
  if (u.startsWith("file://")) return route.continue();
  outside.push(u);
  return route.abort();
});
const page = await context.newPage();
const consoleErrors = [];
page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(`${page.url()}: ${m.text()}`); });
page.on("pageerror", (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
page.on("dialog", async (d) => { fail(`a dialog opened on ${page.url()}: ${d.message()}`); await d.dismiss(); });

const list = (sub) => existsSync(join(site, sub)) ? readdirSync(join(site, sub)).filter((f) => f.endsWith(".html")).sort().slice(0, max).map((f) => `${sub}/${f}`) : [];
const pages = ["index.html", "codebook.html", "search.html", ...list("incidents"), ...list("actors"), ...list("articles")];
const counts = { pages: 0, statements: 0, statementsExact: 0, evidence: 0, evidenceExact: 0, evidenceCut: 0, links: 0, linksOk: 0 };
const idsOf = new Map(); // page -> Set of ids
const claimLinks = []; // [from page, href]

for (const rel of pages) {
  await page.goto(url(rel));
  counts.pages++;
  const info = await page.evaluate(() => ({
    ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
    scripts: [...document.querySelectorAll("script")].map((s) => s.getAttribute("src")),
    handlers: [...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${e.tagName} ${a.name}`)),
    sources: [...document.querySelectorAll("a.source, a.to")].map((a) => a.getAttribute("href")),
    heading: document.querySelectorAll("h1").length,
    main: document.querySelectorAll("main").length,
  }));
  idsOf.set(rel, new Set(info.ids));
  for (const s of info.scripts) if (s !== "search.js" && s !== "search-index.js") fail(`${rel}: a script that the site did not write: ${s}`);
  for (const h of info.handlers) fail(`${rel}: an event handler attribute: ${h}`);
  if (info.heading !== 1 || info.main !== 1) fail(`${rel}: ${info.heading} h1 and ${info.main} main elements (one each expected)`);
  for (const h of info.sources) claimLinks.push([rel, h]);
  if (rel.startsWith("articles/")) {
    const id = rel.slice("articles/".length, -".html".length);
    const want = expected.get(id) || [];
    const got = await page.evaluate((want) => want.map((w) => {
      const e = document.getElementById(w.id);
      return e ? e.textContent : null;
    }), want);
    want.forEach((w, i) => {
      if (w.kind === "statement") {
        counts.statements++;
        if (got[i] === w.words) counts.statementsExact++;
        else fail(`${rel}#${w.id}: the statement's element holds ${JSON.stringify(got[i])}, not its quote ${JSON.stringify(w.words)}`);
      } else {
        counts.evidence++;
        if (got[i] === w.words) counts.evidenceExact++;
        else if (got[i] !== null && w.words.startsWith(got[i])) counts.evidenceCut++; // cut where it crosses a statement
        else fail(`${rel}#${w.id}: the evidence's element holds ${JSON.stringify(got[i])}, not ${JSON.stringify(w.words)}`);
      }
    });
  }
}

// Every claim links to a highlight (or a record's place) that exists.
for (const [from, href] of claimLinks) {
  counts.links++;
  const target = new URL(href, url(from));
  const rel = decodeURIComponent(target.pathname).slice(site.length + 1);
  const id = decodeURIComponent(target.hash.slice(1));
  const ids = idsOf.get(rel);
  if (ids === undefined && pages.length < 1000000 && !existsSync(join(site, rel))) fail(`${from}: links to ${href}, a page that is not there`);
  else if (ids !== undefined && !ids.has(id)) fail(`${from}: links to ${href}, and that page has no element with id ${id}`);
  else counts.linksOk++;
}

// The search finds a statement's words, in this page alone.
await page.goto(url("search.html"));
const probe = statements.length ? statements[0].quote.split(/\s+/).slice(0, 3).join(" ") : "";
let found = 0;
if (probe) {
  await page.fill("#q", probe);
  found = await page.locator("#search-results li").count();
  if (found === 0) fail(`the search found nothing for ${JSON.stringify(probe)}`);
}

// Accessibility: axe-core (WCAG 2 A and AA) on one page of each kind, with the page's own policy lifted for axe alone.
const axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 900 } });
await axeContext.route("**/*", (route) => (route.request().url().startsWith("file://") ? route.continue() : route.abort()));
const axePage = await axeContext.newPage();
const axeResults = [];
for (const rel of ["index.html", "codebook.html", "search.html", list("incidents")[0], list("actors")[0], list("articles")[0]].filter(Boolean)) {
  await axePage.goto(url(rel));
  await axePage.addScriptTag({ content: axeSource });
  const r = await axePage.evaluate(async () => {
    const res = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return { violations: res.violations.map((v) => `${v.id} (${v.nodes.length})`), passes: res.passes.length };
  });
  axeResults.push(`${rel}: ${r.passes} rules pass, ${r.violations.length} violated${r.violations.length ? ": " + r.violations.join(", ") : ""}`);
  if (r.violations.length) fail(`axe-core on ${rel}: ${r.violations.join(", ")}`);
}

// Screenshots, to look at: the dataset, an incident, an article, on a desktop and on a phone.
for (const [name, rel] of [["index", "index.html"], ["incident", list("incidents")[0]], ["article", list("articles")[0]]]) {
  if (!rel) continue;
  await page.goto(url(rel));
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}
const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
await phone.route("**/*", (route) => (route.request().url().startsWith("file://") ? route.continue() : route.abort()));
const phonePage = await phone.newPage();
if (list("articles")[0]) {
  await phonePage.goto(url(list("articles")[0]));
  const wide = await phonePage.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  if (wide) fail("the article page scrolls sideways on a phone");
  await phonePage.screenshot({ path: join(shots, "article-phone.png") });
}
// The same site from a web server (on this machine): every request answered, the search working.
const http = require("node:http");
const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json" };
const server = http.createServer((req, res) => {
  const path = resolve(dir, "." + decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (!path.startsWith(resolve(dir)) || !existsSync(path)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { "content-type": types[path.slice(path.lastIndexOf("."))] || "application/octet-stream" });
  res.end(readFileSync(path));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/site/`;
const served = await browser.newContext();
const notFound = [];
await served.route("**/*", (route) => (route.request().url().startsWith(base.slice(0, -5)) ? route.continue() : (outside.push(route.request().url()), route.abort())));
const servedPage = await served.newPage();
servedPage.on("response", (r) => { if (r.status() !== 200) notFound.push(`${r.status()} ${r.url()}`); });
servedPage.on("console", (m) => { if (m.type() === "error") consoleErrors.push(`${servedPage.url()}: ${m.text()}`); });
let servedFound = 0;
for (const rel of ["index.html", list("incidents")[0], list("articles")[0], "search.html"].filter(Boolean)) await servedPage.goto(base + rel);
if (probe) {
  await servedPage.fill("#q", probe);
  servedFound = await servedPage.locator("#search-results li").count();
  if (servedFound === 0) fail("from the web server, the search found nothing");
}
for (const n of notFound) fail(`from the web server: ${n}`);
server.close();
await browser.close();

for (const u of outside) fail(`a request left the machine: ${u}`);
for (const e of consoleErrors) fail(`console: ${e}`);
console.log(`chromium: ${counts.pages} pages opened; statements: ${counts.statementsExact} of ${counts.statements} elements hold their quote exactly;` +
  ` evidence: ${counts.evidenceExact} of ${counts.evidence} exactly, ${counts.evidenceCut} cut where they cross a statement;` +
  ` claim links: ${counts.linksOk} of ${counts.links} reach an element; requests outside file://: ${outside.length}; search for ${JSON.stringify(probe)}: ${found} found`);
console.log(`web server (127.0.0.1): 4 pages, ${notFound.length} requests not answered 200, search: ${servedFound} found`);
for (const a of axeResults) console.log(`axe-core ${require("axe-core/package.json").version}: ${a}`);
console.log(`screenshots: ${resolve(shots)}`);
if (problems.length) {
  for (const p of problems.slice(0, 50)) console.log(`FAILED: ${p}`);
  process.exit(1);
}
