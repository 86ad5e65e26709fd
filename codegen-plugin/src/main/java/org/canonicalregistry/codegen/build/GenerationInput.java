package org.canonicalregistry.codegen.build;

import java.nio.file.Path;
import java.util.Objects;

/** Where {@code generate} reads schemas from: a lock file (offline, fingerprints verified) or a local folder. */
public sealed interface GenerationInput permits GenerationInput.Folder, GenerationInput.Lock {

  /** A folder of {@code <entity>.schema.json} files holding one version line (global ids are {@code -1}). */
  record Folder(Path directory, String version) implements GenerationInput {
    public Folder {
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(version, "version");
    }
  }

  /** {@code canonical.lock.json}. */
  record Lock(Path file) implements GenerationInput {
    public Lock {
      Objects.requireNonNull(file, "file");
    }
  }
}
