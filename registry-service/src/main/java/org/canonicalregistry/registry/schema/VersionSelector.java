package org.canonicalregistry.registry.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.canonicalregistry.registry.problem.RegistryException;

/**
 * Which version of an entity a read asks for: {@code latest} (highest non-retired version of any major),
 * {@code M.latest} (highest non-retired minor of major M) or an exact {@code M.m} (any state, retired included).
 */
public sealed interface VersionSelector permits VersionSelector.Latest, VersionSelector.LatestOfMajor, VersionSelector.Exact {

    /** Highest non-retired version over all majors. */
    record Latest() implements VersionSelector {
        @Override
        public String toString() {
            return "latest";
        }
    }

    /** Highest non-retired minor of one major line. */
    record LatestOfMajor(int major) implements VersionSelector {
        public LatestOfMajor {
            if (major < 1) {
                throw new IllegalArgumentException("major must be at least 1, was " + major);
            }
        }

        @Override
        public String toString() {
            return major + ".latest";
        }
    }

    /** One exact version, whatever its state. */
    record Exact(int major, int minor) implements VersionSelector {
        public Exact {
            if (major < 1 || minor < 0) {
                throw new IllegalArgumentException("version " + major + "." + minor + " is out of range");
            }
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }

    /** The {@code latest} selector. */
    static VersionSelector latest() {
        return new Latest();
    }

    /** Digits without leading zeros, at most 9 of them: no overflow, one spelling per number. */
    Pattern SYNTAX = Pattern.compile("^(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8}|latest)$");

    /**
     * Parses {@code latest}, {@code M.latest} or {@code M.m} (M ≥ 1, m ≥ 0, decimal without leading zeros).
     *
     * @throws RegistryException MALFORMED_REQUEST naming the input and the accepted forms
     */
    static VersionSelector parse(String text) {
        if ("latest".equals(text)) {
            return new Latest();
        }
        Matcher m = text == null ? null : SYNTAX.matcher(text);
        if (m == null || !m.matches() || "0".equals(m.group(1))) {
            throw RegistryException.malformed("version " + RegistryException.quoted(text)
                    + " is not 'latest', '<major>.latest' or '<major>.<minor>' (major ≥ 1, no leading zeros)");
        }
        int major = Integer.parseInt(m.group(1));
        return "latest".equals(m.group(2)) ? new LatestOfMajor(major) : new Exact(major, Integer.parseInt(m.group(2)));
    }
}
