import * as genesys from "genesys-pulumi";
import { CRITICAL_QUEUES_ACTIVE, QUEUES_FILE } from "./genesys";

/**
 * The same queue routing data in the org's real store: an Architect data table that flows look queues up in, and
 * its rows from the CSV file, one row per line (editing a line updates that row only). The platform checks types
 * only; the patterns and the "critical requires active" rule are checked by this package at preview.
 */
export function queueTable() {
    const table = new genesys.DataTable("queue-routing-table", {
        description: "Queue routing: priority, status and SLA per queue",
        fields: [
            { name: "key", type: "string", title: "Queue key" },
            { name: "queueName", type: "string", title: "Queue name" },
            { name: "priority", type: "string", title: "Priority", default: "normal" },
            { name: "status", type: "string", title: "Status", default: "active" },
            // A queue without an SLA (an empty cell) is answered within the hour.
            { name: "slaSeconds", type: "integer", title: "SLA (seconds)", default: 3600 },
        ],
        clientValidation: {
            fields: {
                queueName: { required: true, minLength: 1, maxLength: 120 },
                priority: { pattern: "^(low|normal|high|critical)$" },
                status: { pattern: "^(active|paused|retired)$" },
            },
            rules: [CRITICAL_QUEUES_ACTIVE],
        },
    });
    // Six rows go one by one; a table of thousands would set `importMode` to load through the platform's import job.
    const rows = new genesys.DataTableRows("queue-routing-rows", { table, file: QUEUES_FILE });
    return { table, rows };
}
