// All passes on the class path, discovered by scanning dev.colt for Pass implementations.
package dev.colt.pass;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The passes known to COLT. {@link #global()} scans the class path under {@code dev.colt} for public
 * concrete classes implementing {@link Pass} with a public no-argument constructor, so adding a pass
 * means adding its class and nothing else. Fails with IllegalStateException when two passes share a
 * name or a pass constructor throws.
 */
public final class PassRegistry {
  private static volatile PassRegistry global;
  private final Map<String, Pass> passes;

  private PassRegistry(Map<String, Pass> passes) {
    this.passes = Collections.unmodifiableMap(new TreeMap<>(passes));
  }

  /** The registry of every pass under {@code dev.colt} on this class's class path. */
  public static PassRegistry global() {
    PassRegistry r = global;
    if (r == null) {
      synchronized (PassRegistry.class) {
        r = global;
        if (r == null) {
          r = discover(PassRegistry.class.getClassLoader(), "dev.colt");
          global = r;
        }
      }
    }
    return r;
  }

  /** Scans {@code packageName} as seen by {@code loader} for passes. */
  public static PassRegistry discover(ClassLoader loader, String packageName) {
    Map<String, Pass> found = new TreeMap<>();
    for (String className : ClasspathScanner.topLevelClasses(loader, packageName)) {
      Class<?> c;
      try {
        c = Class.forName(className, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        continue;
      }
      Pass pass = instantiate(c);
      if (pass != null) {
        Pass previous = found.put(pass.info().name(), pass);
        if (previous != null && previous.getClass() != pass.getClass()) {
          throw new IllegalStateException("pass name '" + pass.info().name() + "' is used by "
              + previous.getClass().getName() + " and " + c.getName());
        }
      }
    }
    return new PassRegistry(found);
  }

  /** A registry of exactly these passes (for tests and embedding). */
  public static PassRegistry of(Collection<Pass> passes) {
    Map<String, Pass> map = new TreeMap<>();
    for (Pass p : passes) {
      map.put(p.info().name(), p);
    }
    return new PassRegistry(map);
  }

  private static Pass instantiate(Class<?> c) {
    int mods = c.getModifiers();
    if (!Pass.class.isAssignableFrom(c) || c.isInterface() || Modifier.isAbstract(mods)
        || !Modifier.isPublic(mods)) {
      return null;
    }
    Constructor<?> ctor;
    try {
      ctor = c.getConstructor();
    } catch (NoSuchMethodException e) {
      return null;
    }
    try {
      return (Pass) ctor.newInstance();
    } catch (InstantiationException | IllegalAccessException e) {
      return null;
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("constructing pass " + c.getName() + " failed",
          e.getCause());
    }
  }

  /** The pass called {@code name}, or null. */
  public Pass lookup(String name) {
    return passes.get(name);
  }

  /** Every pass, sorted by name. */
  public Collection<Pass> all() {
    return passes.values();
  }
}
