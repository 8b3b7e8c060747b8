// Peak memory and CPU time of the dynamic-provider host, read from /proc while it runs: the harness starts the host as
// a child of this process, and the kernel keeps each process's resident-set high-water mark (VmHWM) for us.
import * as fs from "node:fs";

const HOST_SCRIPT_MARK = "dynamic-provider";

function childHostPids(): number[] {
    const pids: number[] = [];
    for (const entry of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
            // The parent pid is the second field after the parenthesised command name.
            const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
            if (ppid === process.pid && fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(HOST_SCRIPT_MARK))
                pids.push(Number(entry));
        } catch {
            // The process ended between listing and reading.
        }
    }
    return pids;
}

function peakRssMb(pid: number): number | undefined {
    try {
        const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        return match ? Number(match[1]) / 1024 : undefined;
    } catch {
        return undefined;
    }
}

/** User + system CPU time in ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms on Linux). */
function cpuMs(pid: number): number | undefined {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
        return undefined;
    }
}

export interface HostWatch {
    /**
     * Host processes seen, the largest peak resident set among them in MB, and their CPU time in ms as last polled
     * (up to one interval short); the figures are undefined without /proc.
     */
    stop(): { hosts: number; peakRssMb?: number; cpuMs?: number };
}

/** Polls every `intervalMs` while `run` is in flight; the peak is kept by the kernel, so polling only has to see the host alive. */
export function watchHosts(intervalMs = 100): HostWatch {
    const seen = new Set<number>();
    const cpu = new Map<number, number>();
    let peak: number | undefined;
    const poll = () => {
        if (!fs.existsSync("/proc/self/status")) return;
        for (const pid of childHostPids()) {
            seen.add(pid);
            const rss = peakRssMb(pid);
            if (rss !== undefined) peak = Math.max(peak ?? 0, rss);
            const used = cpuMs(pid);
            if (used !== undefined) cpu.set(pid, used);
        }
    };
    const timer = setInterval(poll, intervalMs);
    poll();
    return {
        stop() {
            clearInterval(timer);
            return {
                hosts: seen.size,
                peakRssMb: peak,
                cpuMs: cpu.size > 0 ? [...cpu.values()].reduce((a, b) => a + b, 0) : undefined,
            };
        },
    };
}
