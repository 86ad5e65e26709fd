package org.canonicalregistry.registry.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * OIDC/JWT sign-in, present only when {@code registry.security.oidc.jwk-set-uri} or {@code …public-key-location} is
 * set. Spring Security's resource server verifies the signature (nimbus-jose-jwt), {@code exp}/{@code nbf} against
 * the registry's clock (60 s skew), and the issuer and audience when configured; {@link OidcPrincipals} turns the
 * claims into a {@link Principal}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${registry.security.oidc.jwk-set-uri:}' != '' or '${registry.security.oidc.public-key-location:}' != ''")
class OidcConfiguration {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    @Bean
    JwtAuthenticationProvider oidcJwtAuthentication(SecuritySettings settings, ResourceLoader resources, Clock clock) {
        SecuritySettings.Oidc oidc = settings.oidc();
        NimbusJwtDecoder decoder = present(oidc.jwkSetUri())
                ? NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build()
                : NimbusJwtDecoder.withPublicKey(publicKey(resources.getResource(oidc.publicKeyLocation()))).build();
        decoder.setJwtValidator(validator(oidc, clock));
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(new OidcPrincipals(oidc));
        return provider;
    }

    static OAuth2TokenValidator<Jwt> validator(SecuritySettings.Oidc oidc, Clock clock) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        validators.add(timestamps);
        if (present(oidc.issuer())) {
            validators.add(new JwtIssuerValidator(oidc.issuer()));
        }
        if (present(oidc.audience())) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audiences -> audiences != null && audiences.contains(oidc.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static RSAPublicKey publicKey(Resource pem) {
        try (InputStream in = pem.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("registry.security.oidc.public-key-location: cannot read " + pem, e);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
