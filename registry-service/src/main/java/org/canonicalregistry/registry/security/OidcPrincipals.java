package org.canonicalregistry.registry.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A verified JWT's claims as a registry {@link Principal}: the name from {@code name-claim}, display name and email
 * from their claims, and roles only from {@code role-mapping} applied to the values of {@code roles-claim} (a string
 * array, or a space-separated string as in {@code scope}). Values not mapped grant nothing; roles stored for a
 * principal of the same name are deliberately NOT added, so an identity provider can never lift a sign-in to a
 * stored ADMIN by naming it.
 */
final class OidcPrincipals implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecuritySettings.Oidc settings;

    OidcPrincipals(SecuritySettings.Oidc settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new RegistryAuthentication(principal(jwt), "jwt", null, jwt.getExpiresAt());
    }

    Principal principal(Jwt jwt) {
        String name = jwt.getClaimAsString(settings.nameClaim());
        if (name == null || name.isBlank()) {
            throw new InvalidBearerTokenException("The JWT has no '" + safe(settings.nameClaim())
                    + "' claim to name the principal (registry.security.oidc.name-claim).");
        }
        var errors = PrincipalRules.errors();
        PrincipalRules.checkName(errors, name);
        if (!errors.isEmpty()) {
            throw new InvalidBearerTokenException("The JWT's '" + safe(settings.nameClaim())
                    + "' claim is not a usable principal name: letters, digits, '.', '_', '@' and '-', at most "
                    + PrincipalRules.MAX_NAME + " characters.");
        }
        String displayName = jwt.getClaimAsString(settings.displayNameClaim());
        if (displayName == null || displayName.isBlank() || displayName.length() > PrincipalRules.MAX_DISPLAY_NAME) {
            displayName = name;
        }
        String email = jwt.getClaimAsString(settings.emailClaim());
        return new Principal(name, displayName, email, roles(jwt.getClaim(settings.rolesClaim())));
    }

    private Set<Role> roles(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof String text) {
            values.addAll(Arrays.asList(text.trim().split("\\s+")));
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(String.valueOf(value)));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values) {
            Role role = settings.roleMapping().get(value);
            if (role != null) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** Claim names come from configuration, but are echoed only when they look like claim names. */
    private static String safe(String claim) {
        return claim != null && claim.matches("[A-Za-z0-9_.:-]{1,64}") ? claim : "(configured)";
    }
}
