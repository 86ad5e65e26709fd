package org.canonicalregistry.codegen.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Test support: compiles generated sources with {@code --release 17} (javax.tools) and loads them. */
final class Compiled {

  private Compiled() {
  }

  /** Compiles into {@code dir} with the test class path; fails with every diagnostic when javac refuses. */
  static ClassLoader compile(List<GeneratedFile> files, Path dir) {
    try {
      Path src = dir.resolve("src");
      Path out = dir.resolve("classes");
      Files.createDirectories(out);
      List<java.io.File> sources = new ArrayList<>();
      for (GeneratedFile f : files) {
        Path p = src.resolve(f.path());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.content(), StandardCharsets.UTF_8);
        sources.add(p.toFile());
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
        List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-d", out.toString(),
            "-classpath", System.getProperty("java.class.path"));
        boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(sources))
            .call();
        if (!ok) {
          throw new AssertionError("generated code does not compile:\n" + diagnostics.getDiagnostics());
        }
      }
      return new URLClassLoader(new URL[] {out.toUri().toURL()}, Compiled.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
