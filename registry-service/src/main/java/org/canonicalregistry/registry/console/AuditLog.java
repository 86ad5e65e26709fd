package org.canonicalregistry.registry.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.canonicalregistry.registry.audit.AuditPage;
import org.canonicalregistry.registry.audit.AuditQuery;
import org.canonicalregistry.registry.audit.AuditTrail;
import org.canonicalregistry.registry.problem.RegistryException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail with filters, newest first, paged by sequence. Verifying the hash chain reads every event, so the
 * page asks for it separately (htmx loads the fragment after the page), and the list shows at once.
 */
@Controller
class AuditLog {

    static final int PAGE = 50;

    private final AuditTrail trail;

    AuditLog(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/audit")
    String events(@RequestParam(name = "target", required = false) String target,
                  @RequestParam(name = "actor", required = false) String actor,
                  @RequestParam(name = "action", required = false) String action,
                  @RequestParam(name = "from", required = false) String from,
                  @RequestParam(name = "to", required = false) String to,
                  @RequestParam(name = "before", required = false) Long before, Model model) {
        AuditQuery query = new AuditQuery(blankToNull(target), blankToNull(actor), blankToNull(action),
                day("from", from), nextDay(day("to", to)), before);
        AuditPage page = trail.list(query, PAGE);
        model.addAttribute("query", query);
        model.addAttribute("fromDay", blankToNull(from));
        model.addAttribute("toDay", blankToNull(to));
        model.addAttribute("page", page);
        return "console/audit";
    }

    @GetMapping("/audit/verification")
    String verification(Model model) {
        model.addAttribute("verification", trail.verify());
        return "console/audit :: verification";
    }

    /** The "to" day is inclusive for people; the query's bound is exclusive. */
    private static Instant nextDay(Instant day) {
        return day == null ? null : day.plus(java.time.Duration.ofDays(1));
    }

    /** A date field ({@code yyyy-mm-dd}, as the browser's date input sends it) as the start of that UTC day. */
    private static Instant day(String field, String text) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw RegistryException.malformed("The '" + field + "' filter must be a date like 2026-12-05, not "
                    + RegistryException.quoted(value) + ".");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
