// The HTML report in a real browser (Debian's chromium, driven by puppeteer-core):
//   node check-html.mjs REPORT.html OUT_DIR
// Fails (exit 1, one line per problem) on a console error or page error, on any serious or
// critical axe-core violation, and when the printed A4 pages overflow sideways. Writes
// OUT_DIR/report.png (the first screen) and OUT_DIR/print.pdf (as printed) to look at.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const [html, outDir] = process.argv.slice(2);
if (!html || !outDir) {
  console.error("usage: node check-html.mjs REPORT.html OUT_DIR");
  process.exit(2);
}

const problems = [];
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  // No sandbox: CI containers run as root; the page is our own static file.
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
  await page.screenshot({ path: `${outDir}/report.png` });

  // axe-core in the page, every rule it runs by default (WCAG 2.x A/AA and best practice).
  await page.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
  const results = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  for (const v of results.violations)
    if (v.impact === "serious" || v.impact === "critical")
      problems.push(`axe ${v.impact}: ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);

  // Printed on A4: nothing wider than the printable width (210 mm less the page margins).
  await page.emulateMediaType("print");
  await page.setViewport({ width: 718, height: 1000 });  // 190 mm at 96 px per inch
  const overflow = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 1;
    const wide = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.right > limit && r.width > 0) wide.push(`${el.tagName.toLowerCase()}${el.className ? "." + el.className : ""} ${Math.round(r.right)}px`);
    }
    return { scroll: document.documentElement.scrollWidth, limit, wide: wide.slice(0, 5) };
  });
  if (overflow.scroll > overflow.limit) problems.push(`print: the page is ${overflow.scroll}px wide (printable ${overflow.limit - 1}px): ${overflow.wide.join(", ")}`);
  await page.pdf({ path: `${outDir}/print.pdf`, format: "A4", printBackground: true, preferCSSPageSize: false });
} finally {
  await browser.close();
}

for (const p of problems) console.log(p);
process.exit(problems.length ? 1 : 0);
