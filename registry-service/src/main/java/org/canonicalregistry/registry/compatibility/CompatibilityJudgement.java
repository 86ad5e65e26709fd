package org.canonicalregistry.registry.compatibility;

import java.util.function.Supplier;
import org.canonicalregistry.registry.problem.RegistryException;

/**
 * A proposed schema's verdict against a major line.
 *
 * @param compatible whether it may join the line under the entity's mode and policy
 * @param document the verdict as the contract's {@code CompatibilityResult} JSON (changes, witnesses, checkedAgainst)
 * @param refusal the {@code incompatible-change} problem to throw when the caller insists on the line
 */
public record CompatibilityJudgement(boolean compatible, String document, Supplier<RegistryException> refusal) {
}
