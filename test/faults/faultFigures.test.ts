import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readmeFigure, readmeWord } from "../readmeFigures";
import { FAULT_CASES, REAL_HOST_CASES, REAL_HOST_FIXTURES } from "./faultCases";
import { KIND_FIXTURES } from "./kindFixtures";

describe("the fault matrix, as the README describes it", () => {
    it("runs the README's count of cases against each of its count of kinds, plus the real-host cells", () => {
        const fixtures = Object.values(KIND_FIXTURES);
        assert.equal(readmeFigure(/runs (\d+) fault cases against/), FAULT_CASES.length);
        assert.equal(readmeFigure(/every one of the (\d+) resource kinds/), new Set(fixtures.map((f) => f.kind)).size);
        assert.deepEqual(
            fixtures.filter((f) => f.variant !== undefined).map((f) => f.kind),
            [readmeWord(/against `(\w+)` once more/)],
            "the one kind run twice is the one the README names",
        );
        assert.equal(readmeFigure(/import job \((\d+) cells\)/), FAULT_CASES.length * fixtures.length);
        assert.equal(readmeFigure(/which runs the (\d+) fault cells/), FAULT_CASES.length * fixtures.length);
        assert.equal(
            readmeFigure(/plus (\d+) cells through the real dynamic-provider host/),
            REAL_HOST_CASES.length * REAL_HOST_FIXTURES.length,
        );
        for (const fixture of REAL_HOST_FIXTURES) assert.ok(KIND_FIXTURES[fixture], `${fixture} is a fixture`);
        const names = new Set(FAULT_CASES.map((c) => c.name));
        for (const name of REAL_HOST_CASES) assert.ok(names.has(name), `${name} is a fault case`);
    });

    it("has a file running the whole matrix for every kind", () => {
        for (const kind of Object.keys(KIND_FIXTURES)) {
            const file = join(__dirname, `${kind[0].toLowerCase()}${kind.slice(1)}.faults.test.js`);
            assert.match(readFileSync(file, "utf8"), new RegExp(`KIND_FIXTURES\\.${kind}, \\{ host: "inProcess" \\}`));
        }
    });
});
