/**
 * The owners' console: server-rendered pages (Spring MVC, Thymeleaf, htmx from its webjar) for reviewing and deciding
 * proposals and browsing entities, versions, flows, the data-flow map and the audit trail.
 *
 * <p>The pages call the same feature services as the REST API and pass them the same {@code Principal}, so every
 * authorization decision (who may approve, who may withdraw) is the services' and there is no second permission
 * model here. What the pages add is presentation: view models such as {@link SideBySideDiff}, {@link FieldTable}
 * and {@link RunChart}, and plain-language reasons for buttons that are disabled.
 *
 * <p>Types the templates read are public (with public accessors) only because Thymeleaf's SpEL calls them by
 * reflection; nothing outside this package uses them.
 */
package org.canonicalregistry.registry.console;
