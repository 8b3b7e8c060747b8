// `npm run bench`: see runBench.ts for the sections and README for how to read the figures.
import { findPulumiCli } from "../harness/pulumiCli";
import { jsonLine, machine, table } from "./report";
import { FULL, runBench } from "./runBench";

async function main(): Promise<void> {
    const m = machine();
    console.log(`genesys-pulumi bench on ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, ${m.platform}`);
    const cli = findPulumiCli();
    if ("missing" in cli) console.log(`!!! The real-engine figures are skipped: ${cli.missing}`);
    const report = await runBench(FULL, (line) => console.log(`… ${line}`), "missing" in cli ? undefined : cli);
    console.log(table(report));
    console.log(jsonLine(report));
}

main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
});
