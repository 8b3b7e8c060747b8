import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { readPng } from "../test/pngImage";
import { BAR_COLOUR } from "./htmlReport";

const FIXTURES = path.join(__dirname, "..", "..", "audit", "fixtures");
const CLI = path.join(__dirname, "cli.js");
const CHROMIUM = "/usr/bin/chromium";

function rgb(hex: string): [number, number, number] {
    return [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
}

describe("the HTML report, opened in headless Chromium", () => {
    it("is one page with no external reference", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-html-"));
        try {
            const file = path.join(dir, "report.html");
            execFileSync(process.execPath, [CLI, "audit", "report", "--dir", FIXTURES, "--html", file], {
                stdio: "pipe",
            });
            const html = fs.readFileSync(file, "utf8");
            assert.match(html, /<svg[^>]*aria-label="Latency histogram"/);
            assert.match(html, /<svg[^>]*aria-label="Timeline"/);
            assert.match(html, /Recording-policy integrity: 93\.75% \(15 of 16 creates and updates confirmed/);
            assert.match(html, /Compliance: PASS at a success rate of at least 95%, WARNING below\./);
            assert.doesNotMatch(html, /<script|<link|\bsrc=|url\(|@import/i);
            assert.doesNotMatch(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, ""), /https?:\/\//);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("renders the latency histogram: one bar per non-empty bucket", {
        skip: fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`,
    }, () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-shot-"));
        try {
            const file = path.join(dir, "report.html");
            const shot = path.join(dir, "report.png");
            execFileSync(process.execPath, [CLI, "audit", "report", "--dir", FIXTURES, "--html", file], {
                stdio: "pipe",
            });
            execFileSync(
                CHROMIUM,
                [
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    `--user-data-dir=${path.join(dir, "profile")}`,
                    `--screenshot=${shot}`,
                    "--window-size=1200,900",
                    `file://${file}`,
                ],
                { stdio: "pipe", timeout: 60_000 },
            );
            const image = readPng(shot);
            assert.deepEqual([image.width, image.height], [1200, 900]);
            const [r, g, b] = rgb(BAR_COLOUR);
            const isBar = (x: number, y: number) => {
                const [pr, pg, pb] = image.pixel(x, y);
                return Math.abs(pr - r) <= 2 && Math.abs(pg - g) <= 2 && Math.abs(pb - b) <= 2;
            };
            let barPixels = 0;
            const rowsWithBars: number[] = [];
            for (let y = 0; y < image.height; y += 1) {
                let inRow = 0;
                for (let x = 0; x < image.width; x += 1) if (isBar(x, y)) inRow += 1;
                barPixels += inRow;
                if (inRow > 0) rowsWithBars.push(y);
            }
            assert.ok(barPixels > 20_000, `the bars cover ${barPixels} pixels`);
            // Just above the baseline every bar is present. The fixture's latencies in 50 ms buckets: 0–50 (13),
            // 50–100 (6), 100–150 (6), 150–200 (5), 200–250, 300–350, 500–550 and 700–750 (1 each): 8 bars.
            const baseline = Math.max(...rowsWithBars) - 1;
            let bars = 0;
            for (let x = 0, inside = false; x < image.width; x += 1) {
                const bar = isBar(x, baseline);
                if (bar && !inside) bars += 1;
                inside = bar;
            }
            assert.equal(bars, 8);
            // The tallest bar (13) is 13 times the height of a bar of 1.
            const heightAt = (x: number) => rowsWithBars.filter((y) => isBar(x, y)).length;
            const columns = Array.from({ length: image.width }, (_, x) => heightAt(x)).filter((h) => h > 0);
            const ratio = Math.max(...columns) / Math.min(...columns);
            assert.ok(Math.abs(ratio - 13) < 1, `tallest / shortest bar = ${ratio}`);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
