// `npm run bench`: see runBench.ts for the sections and README for how to read the figures.
import { jsonLine, machine, table } from "./report";
import { FULL, runBench } from "./runBench";

async function main(): Promise<void> {
    const m = machine();
    console.log(`genesys-pulumi bench on ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, ${m.platform}`);
    const report = await runBench(FULL, (line) => console.log(`… ${line}`));
    console.log(table(report));
    console.log(jsonLine(report));
}

main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
});
