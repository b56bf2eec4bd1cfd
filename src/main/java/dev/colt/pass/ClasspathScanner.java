// Lists the top-level classes of a package tree on the class path, in directories and jars.
package dev.colt.pass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds class names under a package prefix by listing class path resources: plain directories
 * ({@code file:} URLs) and jars ({@code jar:} URLs). Nested classes (names with {@code $}) are
 * skipped. Fails with UncheckedIOException when a class path entry cannot be read.
 */
final class ClasspathScanner {
  private ClasspathScanner() {}

  /** Binary names of top-level classes under {@code packageName} (and its subpackages), sorted. */
  static TreeSet<String> topLevelClasses(ClassLoader loader, String packageName) {
    String prefix = packageName.replace('.', '/');
    TreeSet<String> names = new TreeSet<>();
    try {
      Enumeration<URL> roots = loader.getResources(prefix);
      while (roots.hasMoreElements()) {
        URL url = roots.nextElement();
        switch (url.getProtocol()) {
          case "file" -> scanDirectory(Path.of(url.toURI()), packageName, names);
          case "jar" -> scanJar(url, prefix, names);
          default -> { }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("unreadable class path entry", e);
    }
    return names;
  }

  private static void scanDirectory(Path dir, String packageName, TreeSet<String> names)
      throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
        String rel = dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), ".");
        addIfTopLevel(packageName + "." + rel.substring(0, rel.length() - ".class".length()),
            names);
      });
    }
  }

  private static void scanJar(URL url, String prefix, TreeSet<String> names) throws IOException {
    JarURLConnection connection = (JarURLConnection) url.openConnection();
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        String entry = entries.nextElement().getName();
        if (entry.startsWith(prefix + "/") && entry.endsWith(".class")) {
          addIfTopLevel(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'),
              names);
        }
      }
    }
  }

  private static void addIfTopLevel(String className, TreeSet<String> names) {
    if (!className.contains("$") && !className.endsWith("package-info")
        && !className.endsWith("module-info")) {
      names.add(className);
    }
  }
}
