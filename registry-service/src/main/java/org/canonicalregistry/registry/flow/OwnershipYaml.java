package org.canonicalregistry.registry.flow;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a {@link Landscape} as the {@code ownership/*.yaml} files {@link OwnershipFiles} reads: one file per list, in
 * the layout of the hand-written files (flow-style trigger, delivery and SLA), sorted by key so an export is stable.
 */
final class OwnershipYaml {

    private static final Pattern PLAIN = Pattern.compile("^[a-z][a-z0-9]*([.-][a-z0-9]+)*$");

    private OwnershipYaml() {
    }

    static List<OwnershipFiles.SourceFile> files(Landscape landscape) {
        return List.of(
                new OwnershipFiles.SourceFile("systems.yaml", systems(landscape.systems())),
                new OwnershipFiles.SourceFile("systems-of-record.yaml", systemsOfRecord(landscape.systemsOfRecord())),
                new OwnershipFiles.SourceFile("flows.yaml", flows(landscape.flows())));
    }

    private static String systems(List<ConnectedSystem> systems) {
        StringBuilder out = new StringBuilder("# Exported by the Canonical Registry (GET /api/v1/export).\n")
                .append("# kind: SAAS | ERP | IN_HOUSE | HUB      lifecycle: PLANNED | ACTIVE | DEPRECATED | RETIRED\n")
                .append("systems:").append(systems.isEmpty() ? " []\n" : "\n");
        for (ConnectedSystem s : systems) {
            out.append("  - code: ").append(q(s.code())).append('\n')
                    .append("    name: ").append(q(s.name())).append('\n')
                    .append("    kind: ").append(s.kind()).append('\n')
                    .append("    ownerTeam: ").append(q(s.ownerTeam())).append('\n')
                    .append("    lifecycle: ").append(s.lifecycle()).append('\n')
                    .append("    description: ").append(q(s.description())).append('\n');
        }
        return out.toString();
    }

    private static String systemsOfRecord(List<SystemOfRecord> sors) {
        StringBuilder out = new StringBuilder("# Exported by the Canonical Registry (GET /api/v1/export).\n")
                .append("# role: AUTHORITATIVE | CONTRIBUTOR | RECEIVER; no scope = the whole entity\n")
                .append("systemsOfRecord:").append(sors.isEmpty() ? " []\n" : "\n");
        for (SystemOfRecord s : sors) {
            out.append("  - entity: ").append(q(s.entity())).append('\n')
                    .append("    system: ").append(q(s.system())).append('\n')
                    .append("    role: ").append(s.role()).append('\n');
            if (!s.scope().isEmpty()) {
                out.append("    scope: [").append(String.join(", ", s.scope().stream().map(OwnershipYaml::q).toList()))
                        .append("]\n");
            }
            if (s.rank() != null) {
                out.append("    rank: ").append(s.rank()).append('\n');
            }
        }
        return out.toString();
    }

    private static String flows(List<DataFlow> flows) {
        StringBuilder out = new StringBuilder("# Exported by the Canonical Registry (GET /api/v1/export).\n")
                .append("# trigger.type: EVENT | CRON (six fields, UTC); freshnessSla: maxAge (ISO-8601) or dailyBy (HH:mm UTC)\n")
                .append("flows:").append(flows.isEmpty() ? " []\n" : "\n");
        for (DataFlow f : flows) {
            DataFlow.Delivery d = f.delivery();
            out.append("  - id: ").append(q(f.id())).append('\n')
                    .append("    name: ").append(q(f.name())).append('\n')
                    .append("    entity: ").append(q(f.entity())).append('\n')
                    .append("    consumesMajor: ").append(f.consumesMajor()).append('\n')
                    .append("    source: ").append(q(f.source())).append('\n')
                    .append("    target: ").append(q(f.target())).append('\n')
                    .append("    trigger: {type: ").append(f.trigger().type()).append(", expression: ")
                    .append(quote(f.trigger().expression())).append("}\n")
                    .append("    owner: ").append(q(f.owner())).append('\n')
                    .append("    delivery: {maxRetries: ").append(d.maxRetries()).append(", backoff: ").append(d.backoff());
            if (d.deadLetterChannel() != null) {
                out.append(", deadLetterChannel: ").append(q(d.deadLetterChannel()));
            }
            out.append(", replayable: ").append(d.replayable()).append("}\n");
            out.append("    freshnessSla: {").append(f.freshness().maxAge() != null
                    ? "maxAge: " + f.freshness().maxAge() : "dailyBy: " + quote(f.freshness().dailyBy().toString()))
                    .append("}\n")
                    .append("    lifecycle: ").append(f.lifecycle()).append('\n');
        }
        return out.toString();
    }

    /** Plain when it is a code-like word that YAML reads back as the same string; quoted otherwise. */
    private static String q(String s) {
        return PLAIN.matcher(s).matches() && !s.equals("true") && !s.equals("false") && !s.equals("null")
                && !s.equals("yes") && !s.equals("no") && !s.equals("on") && !s.equals("off") ? s : quote(s);
    }

    /** A YAML double-quoted scalar (its escapes are JSON's). */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
