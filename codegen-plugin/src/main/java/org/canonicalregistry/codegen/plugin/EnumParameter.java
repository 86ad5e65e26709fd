package org.canonicalregistry.codegen.plugin;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Enum-valued parameters are taken as text and parsed here, so that a typo fails the build naming the bad value and
 * the accepted ones, instead of silently falling back to a default.
 */
final class EnumParameter {

  private EnumParameter() {
  }

  static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) throws MojoExecutionException {
    String wanted = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(wanted)) {
        return e;
      }
    }
    throw new MojoExecutionException("parameter " + parameter + " has the value '" + value + "'; accepted: "
        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
  }
}
