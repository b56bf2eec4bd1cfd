// Tests that passes are discovered from the class path, in directories and in jars.
package dev.colt.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.colt.pass.testpasses.TestModulePass;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassRegistryTest {
  @Test
  void discoversShippedAndTestPasses() {
    PassRegistry registry = PassRegistry.global();
    assertNotNull(registry.lookup("canonicalize"));
    assertNotNull(registry.lookup("cse"));
    assertNotNull(registry.lookup("test-options"));
    assertEquals(PassInfo.Anchor.FUNCTION, registry.lookup("cse").info().anchor());
    assertNull(registry.lookup("no-such-pass"));
    assertTrue(registry.all().stream().allMatch(p -> p.info().name().matches("[a-z0-9-]+")));
  }

  @Test
  void discoversPassesInsideJars(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("passes.jar");
    String entry = TestModulePass.class.getName().replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        InputStream in = TestModulePass.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry("dev/"));
      out.closeEntry();
      out.putNextEntry(new JarEntry("dev/colt/"));
      out.closeEntry();
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
    // The jar's loader delegates Pass itself to the test loader, so the found class is a Pass.
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        Pass.class.getClassLoader()) {
      @Override
      public java.util.Enumeration<URL> getResources(String name) throws java.io.IOException {
        return findResources(name);
      }
    }) {
      PassRegistry registry = PassRegistry.discover(loader, "dev.colt");
      assertEquals(1, registry.all().size());
      assertEquals("test-module-remark", registry.all().iterator().next().info().name());
    }
  }
}
