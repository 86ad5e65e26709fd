package org.canonicalregistry.registry.flow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.canonicalregistry.registry.api.model.DeliveryPolicy;
import org.canonicalregistry.registry.api.model.Flow;
import org.canonicalregistry.registry.api.model.FlowHealthStatus;
import org.canonicalregistry.registry.api.model.FlowIncident;
import org.canonicalregistry.registry.api.model.FlowRunCounts;
import org.canonicalregistry.registry.api.model.FlowRunDetails;
import org.canonicalregistry.registry.api.model.FlowRunReport;
import org.canonicalregistry.registry.api.model.FlowRunStatus;
import org.canonicalregistry.registry.api.model.FlowTrigger;
import org.canonicalregistry.registry.api.model.FreshnessSla;
import org.canonicalregistry.registry.api.model.RecordLifecycle;
import org.canonicalregistry.registry.api.model.SlaStatus;
import org.canonicalregistry.registry.api.model.SystemDetails;
import org.canonicalregistry.registry.api.model.SystemOfRecordDeclaration;
import org.canonicalregistry.registry.problem.InvalidField;
import org.canonicalregistry.registry.problem.RegistryException;

/** Between the generated wire models and the feature's records; storage never sees a wire type. */
final class FlowRepresentation {

    private FlowRepresentation() {
    }

    // ---------------------------------------------------------------- systems

    static SystemDetails toApi(ConnectedSystem s) {
        return new SystemDetails().code(s.code()).name(s.name()).kind(SystemDetails.KindEnum.valueOf(s.kind().name()))
                .ownerTeam(s.ownerTeam()).description(s.description())
                .lifecycle(RecordLifecycle.valueOf(s.lifecycle().name()));
    }

    static ConnectedSystem fromApi(SystemDetails s) {
        return new ConnectedSystem(s.getCode(), s.getName(),
                s.getKind() == null ? null : ConnectedSystem.Kind.valueOf(s.getKind().name()), s.getOwnerTeam(),
                s.getDescription(), lifecycle(s.getLifecycle()));
    }

    static SystemOfRecordDeclaration toApi(SystemOfRecord s) {
        return new SystemOfRecordDeclaration().entity(s.entity()).system(s.system())
                .role(SystemOfRecordDeclaration.RoleEnum.valueOf(s.role().name())).scope(new ArrayList<>(s.scope()))
                .rank(s.rank());
    }

    static SystemOfRecord fromApi(SystemOfRecordDeclaration s) {
        return new SystemOfRecord(s.getEntity(), s.getSystem(),
                s.getRole() == null ? null : SystemOfRecord.Role.valueOf(s.getRole().name()), s.getScope(), s.getRank());
    }

    // ---------------------------------------------------------------- flows

    static Flow toApi(DataFlow f) {
        FreshnessSla sla = new FreshnessSla();
        if (f.freshness().maxAge() != null) {
            sla.setMaxAge(f.freshness().maxAge().toString());
        } else {
            sla.setDailyBy(f.freshness().dailyBy().toString());
        }
        return new Flow().id(f.id()).name(f.name()).entity(f.entity()).consumesMajor(f.consumesMajor())
                .source(f.source()).target(f.target())
                .trigger(new FlowTrigger().type(FlowTrigger.TypeEnum.valueOf(f.trigger().type().name()))
                        .expression(f.trigger().expression()))
                .owner(f.owner())
                .delivery(new DeliveryPolicy().maxRetries(f.delivery().maxRetries())
                        .backoff(f.delivery().backoff().toString()).deadLetterChannel(f.delivery().deadLetterChannel())
                        .replayable(f.delivery().replayable()))
                .freshnessSla(sla)
                .lifecycle(RecordLifecycle.valueOf(f.lifecycle().name()));
    }

    /** @throws RegistryException VALIDATION_FAILED for durations and times that do not parse */
    static DataFlow fromApi(Flow f) {
        List<InvalidField> errors = new ArrayList<>();
        DataFlow.Trigger trigger = f.getTrigger() == null ? null : new DataFlow.Trigger(
                f.getTrigger().getType() == null ? null : DataFlow.Trigger.Type.valueOf(f.getTrigger().getType().name()),
                f.getTrigger().getExpression());
        DataFlow.Delivery delivery = null;
        if (f.getDelivery() != null) {
            DeliveryPolicy d = f.getDelivery();
            delivery = new DataFlow.Delivery(d.getMaxRetries() == null ? -1 : d.getMaxRetries(),
                    duration("/delivery/backoff", d.getBackoff(), errors), d.getDeadLetterChannel(),
                    Boolean.TRUE.equals(d.getReplayable()));
        }
        DataFlow.Freshness freshness = null;
        if (f.getFreshnessSla() != null) {
            FreshnessSla s = f.getFreshnessSla();
            LocalTime dailyBy = null;
            if (s.getDailyBy() != null) {
                try {
                    dailyBy = LocalTime.parse(s.getDailyBy());
                } catch (DateTimeParseException e) {
                    errors.add(new InvalidField("/freshnessSla/dailyBy", "must be HH:mm, was "
                            + RegistryException.quoted(s.getDailyBy())));
                }
            }
            freshness = new DataFlow.Freshness(duration("/freshnessSla/maxAge", s.getMaxAge(), errors), dailyBy);
        }
        if (!errors.isEmpty()) {
            throw RegistryException.validationFailed(errors);
        }
        return new DataFlow(f.getId(), f.getName(), f.getEntity(), f.getConsumesMajor() == null ? 0 : f.getConsumesMajor(),
                f.getSource(), f.getTarget(), trigger, f.getOwner(), delivery, freshness, lifecycle(f.getLifecycle()));
    }

    static Duration duration(String pointer, String text, List<InvalidField> errors) {
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new InvalidField(pointer, "must be an ISO-8601 duration such as PT15M, was "
                    + RegistryException.quoted(text)));
            return null;
        }
    }

    private static Lifecycle lifecycle(RecordLifecycle l) {
        return l == null ? null : Lifecycle.valueOf(l.name());
    }

    // ---------------------------------------------------------------- runs and health

    static FlowRun fromApi(String flowId, FlowRunReport r, String reporter) {
        FlowRunCounts c = r.getCounts();
        return new FlowRun(r.getRunId(), flowId, instant(r.getStartedAt()), instant(r.getEndedAt()),
                r.getStatus() == null ? null : FlowRun.Status.valueOf(r.getStatus().name()),
                c == null ? null : new FlowRun.Counts(c.getReceived(), c.getAccepted(), c.getRejected(),
                        c.getDeadLettered(), c.getReplayed()),
                r.getSchemaVersions() == null ? List.of() : r.getSchemaVersions(), reporter);
    }

    static FlowRunDetails toApi(FlowRun r) {
        if (r == null) {
            return null;
        }
        return new FlowRunDetails().runId(r.runId()).flowId(r.flowId()).startedAt(utc(r.startedAt()))
                .endedAt(utc(r.endedAt())).status(FlowRunStatus.valueOf(r.status().name()))
                .counts(new FlowRunCounts().received(r.counts().received()).accepted(r.counts().accepted())
                        .rejected(r.counts().rejected()).deadLettered(r.counts().deadLettered())
                        .replayed(r.counts().replayed()))
                .schemaVersions(new ArrayList<>(r.schemaVersions())).reportedBy(r.reportedBy());
    }

    static FlowIncident toApi(FlowHealth.Incident i) {
        if (i == null) {
            return null;
        }
        return new FlowIncident().id(i.id()).flowId(i.flowId()).slaState(SlaStatus.valueOf(i.state().name()))
                .detail(i.detail()).openedAt(utc(i.openedAt())).resolvedAt(utc(i.resolvedAt()))
                .resolvedByRun(i.resolvedByRun());
    }

    static FlowHealthStatus toApi(FlowHealth h) {
        return new FlowHealthStatus().flowId(h.flow().id()).entity(h.flow().entity()).owner(h.flow().owner())
                .slaState(SlaStatus.valueOf(h.state().name())).detail(h.detail()).sla(h.flow().freshness().describe())
                .lastRun(toApi(h.lastRun())).lastSuccess(toApi(h.lastSuccess())).window(h.window().toString())
                .runsInWindow(h.runsInWindow()).failedRunsInWindow(h.failedRunsInWindow()).errorRate(h.errorRate())
                .openIncident(toApi(h.openIncident()));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
