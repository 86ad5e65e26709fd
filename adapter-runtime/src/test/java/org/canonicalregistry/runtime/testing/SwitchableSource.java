package org.canonicalregistry.runtime.testing;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.canonicalregistry.runtime.schema.SchemaDescriptor;
import org.canonicalregistry.runtime.schema.SchemaSource;
import org.canonicalregistry.runtime.schema.SchemaUnavailableException;

/** A real source that can be taken down and brought back, counting the calls that reached it. */
public final class SwitchableSource implements SchemaSource {

  private final SchemaSource delegate;
  private final AtomicBoolean up = new AtomicBoolean(true);
  public final AtomicInteger calls = new AtomicInteger();

  public SwitchableSource(SchemaSource delegate) {
    this.delegate = delegate;
  }

  public void down() {
    up.set(false);
  }

  public void up() {
    up.set(true);
  }

  private void check() {
    calls.incrementAndGet();
    if (!up.get()) {
      throw new SchemaUnavailableException("source is down (test)");
    }
  }

  @Override
  public Optional<SchemaDescriptor> version(String entity, int major, int minor) {
    check();
    return delegate.version(entity, major, minor);
  }

  @Override
  public Optional<SchemaDescriptor> byId(long globalId) {
    check();
    return delegate.byId(globalId);
  }

  @Override
  public Optional<SchemaDescriptor> latest(String entity, int major) {
    check();
    return delegate.latest(entity, major);
  }

  @Override
  public boolean forwardCompatible(SchemaDescriptor reader, SchemaDescriptor writer) {
    check();
    return delegate.forwardCompatible(reader, writer);
  }
}
