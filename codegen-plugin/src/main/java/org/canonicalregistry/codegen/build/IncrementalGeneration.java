package org.canonicalregistry.codegen.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.canonicalregistry.codegen.generator.GeneratedFile;
import org.canonicalregistry.codegen.generator.GeneratorOptions;
import org.canonicalregistry.codegen.generator.JavaGenerator;
import org.canonicalregistry.codegen.generator.SchemaFolder;
import org.canonicalregistry.codegen.generator.SchemaSource;
import org.canonicalregistry.codegen.lock.LockFile;

/**
 * Runs the generator only when its inputs changed, and touches only the files whose content changed.
 *
 * <p>The key is a SHA-256 over the input bytes (every schema file, or the lock file), the plugin version and every
 * generator option, kept in a small state file next to the build output together with the list of files written.
 * Timestamps are never consulted, so a configuration change regenerates and a {@code touch} does not. Files that a
 * previous run wrote and this one no longer generates are deleted. Not thread-safe for one output directory (Maven
 * runs one execution per project at a time).
 */
public final class IncrementalGeneration {

  /**
   * What a run did.
   *
   * @param skipped   the inputs' hash was unchanged and every file was still there: nothing was generated
   * @param written   files created or changed
   * @param unchanged files generated with the content already on disk
   * @param deleted   stale files removed
   */
  public record Result(boolean skipped, int written, int unchanged, int deleted) {
    public int total() {
      return written + unchanged;
    }
  }

  private IncrementalGeneration() {
  }

  /**
   * @param input         where the schemas come from
   * @param options       generator options (part of the key)
   * @param pluginVersion part of the key
   * @param outputDir     the generated-sources root
   * @param stateFile     where the key and the file list are kept between runs
   */
  public static Result run(GenerationInput input, GeneratorOptions options, String pluginVersion, Path outputDir,
                           Path stateFile) {
    String key = key(input, options, pluginVersion);
    List<String> previous = readState(stateFile, key);
    if (previous != null && previous.stream().allMatch(p -> Files.isRegularFile(outputDir.resolve(p)))) {
      return new Result(true, 0, previous.size(), 0);
    }
    List<SchemaSource> sources = input instanceof GenerationInput.Folder f
        ? SchemaFolder.load(f.directory(), f.version())
        : LockFile.read(((GenerationInput.Lock) input).file()).toSources(((GenerationInput.Lock) input).file());
    List<GeneratedFile> files = new JavaGenerator(options).generate(sources);
    int written = 0;
    int unchanged = 0;
    Set<String> now = new LinkedHashSet<>();
    try {
      for (GeneratedFile f : files) {
        now.add(f.path());
        Path target = outputDir.resolve(f.path());
        byte[] bytes = f.content().getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
          unchanged++;
          continue;
        }
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        written++;
      }
      int deleted = 0;
      for (String old : oldFiles(stateFile)) {
        if (!now.contains(old) && Files.deleteIfExists(outputDir.resolve(old))) {
          deleted++;
        }
      }
      Files.createDirectories(stateFile.getParent());
      Files.writeString(stateFile, key + "\n" + String.join("\n", now) + "\n", StandardCharsets.UTF_8);
      return new Result(false, written, unchanged, deleted);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write generated sources below " + outputDir, e);
    }
  }

  /** The hash of everything that decides the output. */
  static String key(GenerationInput input, GeneratorOptions options, String pluginVersion) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      update(sha, "plugin=" + pluginVersion);
      update(sha, options.fingerprintText());
      if (input instanceof GenerationInput.Folder f) {
        update(sha, "folder version=" + f.version());
        for (Map.Entry<String, Path> e : SchemaFolder.files(f.directory()).entrySet()) {
          update(sha, e.getKey());
          sha.update(Files.readAllBytes(e.getValue()));
        }
      } else if (input instanceof GenerationInput.Lock l) {
        update(sha, "lock");
        if (Files.isRegularFile(l.file())) {
          sha.update(Files.readAllBytes(l.file()));
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the generator input", e);
    }
  }

  private static void update(MessageDigest sha, String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }

  /** The file list of the previous run when its key equals {@code key}, else null. */
  private static List<String> readState(Path stateFile, String key) {
    List<String> lines = lines(stateFile);
    return !lines.isEmpty() && lines.get(0).equals(key) ? lines.subList(1, lines.size()) : null;
  }

  private static List<String> oldFiles(Path stateFile) {
    List<String> lines = lines(stateFile);
    return lines.isEmpty() ? List.of() : lines.subList(1, lines.size());
  }

  private static List<String> lines(Path stateFile) {
    if (!Files.isRegularFile(stateFile)) {
      return List.of();
    }
    try {
      List<String> out = new ArrayList<>();
      for (String l : Files.readAllLines(stateFile, StandardCharsets.UTF_8)) {
        if (!l.isBlank()) {
          out.add(l);
        }
      }
      return out;
    } catch (IOException e) {
      return List.of();
    }
  }
}
