#!/usr/bin/env node
import { type CliConfig, CliUsageError, parseCliArgs, USAGE } from "./cliArgs";
import { type RunningEmulator, startEmulator } from "./index";

async function main(): Promise<void> {
    let config: CliConfig;
    try {
        config = parseCliArgs(process.argv.slice(2));
    } catch (err) {
        if (!(err instanceof CliUsageError)) throw err;
        process.stderr.write(`genesys-emulator: ${err.message}\n${USAGE}\n`);
        process.exit(2);
    }
    if (config.help) {
        process.stdout.write(`${USAGE}\n`);
        return;
    }
    let emulator: RunningEmulator;
    try {
        emulator = await startEmulator({
            ...config.options,
            log: config.log ? (line) => process.stderr.write(`${line}\n`) : undefined,
        });
    } catch (err) {
        // Option checks throw TypeError: still a bad command line (e.g. an unknown scope in --client).
        process.stderr.write(`genesys-emulator: ${(err as Error).message}\n`);
        process.exit(err instanceof TypeError ? 2 : 1);
    }
    process.stdout.write(`${emulator.url}\n`);
    const running = emulator;
    const shutdown = (signal: NodeJS.Signals) => {
        process.stderr.write(`genesys-emulator: ${signal}, stopping\n`);
        running.stop().then(
            () => process.exit(0),
            (err: Error) => {
                process.stderr.write(`genesys-emulator: stop failed: ${err.message}\n`);
                process.exit(1);
            },
        );
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
}

main().catch((err: Error) => {
    process.stderr.write(`genesys-emulator: ${err.stack ?? err.message}\n`);
    process.exit(1);
});
