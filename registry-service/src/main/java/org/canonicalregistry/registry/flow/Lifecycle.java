package org.canonicalregistry.registry.flow;

/** Where a system or a flow stands. Only ACTIVE flows take part in impact analysis and SLA monitoring. */
public enum Lifecycle { PLANNED, ACTIVE, DEPRECATED, RETIRED }
