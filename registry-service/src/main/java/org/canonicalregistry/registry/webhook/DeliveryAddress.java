package org.canonicalregistry.registry.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.canonicalregistry.registry.problem.RegistryException;

/**
 * The rules a webhook URL must follow, checked when a subscription is created and again (for the resolved
 * addresses) before every delivery.
 *
 * <p>Allowed: absolute {@code http} or {@code https} URLs with a host, without user info, at most
 * {@value #MAX_LENGTH} characters. Refused: link-local addresses ({@code 169.254.0.0/16}, {@code fe80::/10}, where
 * cloud instance-metadata services live), the unspecified and multicast addresses, the known metadata addresses and
 * names ({@code 100.100.100.200}, {@code fd00:ec2::254}, {@code metadata.google.internal}…). Loopback and private
 * ranges stay allowed: a registry inside a company network legitimately calls internal services.
 */
final class DeliveryAddress {

    static final int MAX_LENGTH = 2048;

    private static final Pattern IPV4_LITERAL = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal", "metadata.goog",
            "instance-data", "instance-data.ec2.internal", "metadata.azure.internal");
    private static final Set<String> METADATA_ADDRESSES = Set.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

    private DeliveryAddress() {
    }

    /** Why the URL is refused, as a sentence fragment after "url ..."; empty when it is acceptable. */
    static Optional<String> problemWith(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters (" + url.length() + ")");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URI: " + e.getReason() + " at index " + e.getIndex());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return Optional.of("must use http or https (was " + RegistryException.quoted(uri.getScheme()) + ")");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain user info: authenticate the registry by the signature secret");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("has no valid host name or address");
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (METADATA_NAMES.contains(name)) {
            return Optional.of("points at a cloud metadata service (" + name + ")");
        }
        if (name.startsWith("[") || IPV4_LITERAL.matcher(name).matches()) {
            try {
                // A literal: no name lookup happens.
                return refused(InetAddress.getByName(name)).map(why -> "points at " + why);
            } catch (UnknownHostException e) {
                return Optional.of("has an invalid IP address " + RegistryException.quoted(host));
            }
        }
        return Optional.empty();
    }

    /** Why deliveries to this address are refused (link-local, metadata…); empty when allowed. */
    static Optional<String> refused(InetAddress address) {
        String text = address.getHostAddress();
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address (" + text + "), where cloud metadata services live");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address (" + text + ")");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address (" + text + ")");
        }
        if (address instanceof Inet4Address && METADATA_ADDRESSES.contains(text)
                || address instanceof Inet6Address && METADATA_ADDRESSES.contains(text.replaceAll("%.*$", ""))) {
            return Optional.of("a cloud metadata address (" + text + ")");
        }
        return Optional.empty();
    }
}
