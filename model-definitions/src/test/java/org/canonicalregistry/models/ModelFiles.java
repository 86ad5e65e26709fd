package org.canonicalregistry.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the canonical model files of this module live: {@code entities/}, {@code examples/}, {@code ownership/}.
 * The tests read the files from the module directory (not the packaged jar) because the examples are not packaged.
 */
final class ModelFiles {

    /** Surefire runs with the module directory as {@code basedir}; an IDE usually runs there too. */
    static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final Path ENTITIES = MODULE.resolve("entities");
    static final Path EXAMPLES = MODULE.resolve("examples");
    static final Path OWNERSHIP = MODULE.resolve("ownership");

    private static final String SCHEMA_SUFFIX = ".schema.json";

    private ModelFiles() {
    }

    /** Entity names, taken from {@code entities/<entity>.schema.json}, sorted. */
    static List<String> entityNames() {
        try (Stream<Path> files = Files.list(ENTITIES)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(SCHEMA_SUFFIX))
                    .map(name -> name.substring(0, name.length() - SCHEMA_SUFFIX.length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path schemaFile(String entity) {
        return ENTITIES.resolve(entity + SCHEMA_SUFFIX);
    }

    /** The JSON files directly in {@code examples/<entity>/<expectation>/}, sorted by name; empty if the folder is missing. */
    static List<Path> exampleFiles(String entity, String expectation) {
        Path dir = EXAMPLES.resolve(entity).resolve(expectation);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
