package org.canonicalregistry.runtime.schema;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.schema.SchemaReference;
import org.canonicalregistry.schema.SchemaRejectedException;

import tools.jackson.databind.JsonNode;

/**
 * Compiled schemas in front of a {@link SchemaSource}, with an explicit lifetime for every kind of answer:
 * <ul>
 *   <li>exact versions and global ids: a bounded LRU keyed by global id, no TTL (published content is
 *       immutable); their <em>state</em> (deprecated, retired) is re-read after {@code stateTtl}, and kept as
 *       last seen while the source is unavailable;</li>
 *   <li>{@code latest} of a major line: {@code latestTtl} (short), the last answer served while unavailable;</li>
 *   <li>"no such version": remembered for {@code missTtl}, so a flood of unknown versions does not flood the
 *       registry;</li>
 *   <li>FORWARD verdicts between two global ids: forever (both contents are immutable).</li>
 * </ul>
 * With {@link Builder#snapshot(Path)} everything learnt is persisted, and a cache built on the same file
 * enforces those versions before the source answers anything. Time comes from the injected {@link Clock}.
 *
 * <p>Thread-safe. Lookups never throw for an outage: they answer {@link Lookup.Unavailable}.
 */
public final class SchemaCache {

  /** Told about hits and misses (metrics). Methods must be cheap and must not throw. */
  public interface Listener {
    default void hit(SchemaDescriptor schema) {
    }

    default void miss(String what) {
    }

    static Listener none() {
      return new Listener() {
      };
    }
  }

  private static final class Entry {
    volatile CachedSchema schema;
    volatile Instant stateCheckedAt;

    Entry(CachedSchema schema, Instant stateCheckedAt) {
      this.schema = schema;
      this.stateCheckedAt = stateCheckedAt;
    }
  }

  private record Latest(long globalId, Instant expires) {
  }

  /** Hot-path key: unlike SchemaReference it validates nothing (names come from a parsed SchemaRef). */
  private record Key(String entity, int major, int minor) {
    static Key of(SchemaDescriptor d) {
      return new Key(d.entity(), d.major(), d.minor());
    }

    @Override
    public String toString() {
      return entity + "@" + major + "." + minor;
    }
  }

  private final SchemaSource source;
  private final SchemaEngine engine;
  private final Clock clock;
  private final Duration latestTtl;
  private final Duration stateTtl;
  private final Duration missTtl;
  private final Path snapshot;
  private final Listener listener;
  private final LinkedHashMap<Long, Entry> byId;
  private final Map<Key, Long> versionIndex = new ConcurrentHashMap<>();
  private final Map<String, Latest> latest = new ConcurrentHashMap<>();
  private final Map<String, Instant> misses = new ConcurrentHashMap<>();
  private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();
  /** Snapshot entries not compiled yet: compiled on first use, so a large snapshot costs nothing at start. */
  private final Map<Key, SchemaDescriptor> stored = new ConcurrentHashMap<>();
  private final Map<Long, SchemaDescriptor> storedById = new ConcurrentHashMap<>();

  private SchemaCache(Builder b) {
    this.source = b.source;
    this.engine = b.engine;
    this.clock = b.clock;
    this.latestTtl = b.latestTtl;
    this.stateTtl = b.stateTtl;
    this.missTtl = b.missTtl;
    this.snapshot = b.snapshot;
    this.listener = b.listener;
    int max = b.maxEntries;
    this.byId = new LinkedHashMap<>(64, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
        if (size() > max) {
          SchemaDescriptor d = eldest.getValue().schema.descriptor();
          versionIndex.remove(Key.of(d));
          return true;
        }
        return false;
      }
    };
    if (snapshot != null) {
      SchemaSnapshot.Content content = SchemaSnapshot.read(snapshot);
      for (SchemaDescriptor d : content.schemas()) {
        stored.put(Key.of(d), d);
        storedById.put(d.globalId(), d);
      }
      verdicts.putAll(content.verdicts());
    }
  }

  /** @param source where misses are read from */
  public static Builder builder(SchemaSource source) {
    return new Builder(source);
  }

  /** Resolves what an envelope's {@code dataschema} names. */
  public Lookup resolve(SchemaRef ref) {
    if (ref instanceof SchemaRef.ById id) {
      return byId(id.globalId());
    }
    SchemaRef.ByVersion v = (SchemaRef.ByVersion) ref;
    return version(v.entity(), v.major(), v.minor());
  }

  /** @return the exact version */
  public Lookup version(String entity, int major, int minor) {
    Key key = new Key(entity, major, minor);
    Long id = versionIndex.get(key);
    if (id != null) {
      Entry e = entry(id);
      if (e != null) {
        return hit(e);
      }
    }
    String label = key.toString();
    listener.miss(label);
    SchemaDescriptor fromSnapshot = stored.get(key);
    if (fromSnapshot != null) {
      return admit(fromSnapshot, Instant.EPOCH);
    }
    if (recentlyMissing(label)) {
      return new Lookup.NotFound(label);
    }
    try {
      Optional<SchemaDescriptor> found = source.version(entity, major, minor);
      if (found.isEmpty()) {
        misses.put(label, clock.instant().plus(missTtl));
        return new Lookup.NotFound(label);
      }
      return admit(found.get(), clock.instant());
    } catch (SchemaUnavailableException e) {
      return new Lookup.Unavailable(label + " is not cached and " + e.getMessage());
    }
  }

  /** @return the version with this global id */
  public Lookup byId(long globalId) {
    Entry e = entry(globalId);
    if (e != null) {
      return hit(e);
    }
    String label = "schema " + globalId;
    listener.miss(label);
    SchemaDescriptor fromSnapshot = storedById.get(globalId);
    if (fromSnapshot != null) {
      return admit(fromSnapshot, Instant.EPOCH);
    }
    if (recentlyMissing(label)) {
      return new Lookup.NotFound(label);
    }
    try {
      Optional<SchemaDescriptor> found = source.byId(globalId);
      if (found.isEmpty()) {
        misses.put(label, clock.instant().plus(missTtl));
        return new Lookup.NotFound(label);
      }
      return admit(found.get(), clock.instant());
    } catch (SchemaUnavailableException ex) {
      return new Lookup.Unavailable(label + " is not cached and " + ex.getMessage());
    }
  }

  /**
   * @return the newest non-retired version of the major line; re-read after {@code latestTtl}, the last answer
   *     kept while the source is unavailable
   */
  public Lookup latest(String entity, int major) {
    String key = entity + "@" + major + ".latest";
    Latest known = latest.get(key);
    Instant now = clock.instant();
    if (known != null && now.isBefore(known.expires())) {
      return byId(known.globalId());
    }
    try {
      Optional<SchemaDescriptor> found = source.latest(entity, major);
      if (found.isEmpty()) {
        latest.remove(key);
        return new Lookup.NotFound(key);
      }
      Lookup admitted = admit(found.get(), now);
      latest.put(key, new Latest(found.get().globalId(), now.plus(latestTtl)));
      return admitted;
    } catch (SchemaUnavailableException e) {
      if (known != null) {
        return byId(known.globalId());
      }
      return new Lookup.Unavailable(key + " is not cached and " + e.getMessage());
    }
  }

  /**
   * Whether readers of {@code reader} can read messages of {@code writer} (FORWARD from reader to writer).
   *
   * @throws SchemaUnavailableException when the verdict is not cached and the source cannot give it now
   */
  public boolean forwardCompatible(SchemaDescriptor reader, SchemaDescriptor writer) {
    String pair = reader.globalId() + ">" + writer.globalId();
    Boolean known = verdicts.get(pair);
    if (known != null) {
      return known;
    }
    boolean verdict = source.forwardCompatible(reader, writer);
    verdicts.put(pair, verdict);
    persist();
    return verdict;
  }

  /** @return how many compiled versions are held */
  public int size() {
    synchronized (byId) {
      return byId.size();
    }
  }

  private Entry entry(long id) {
    synchronized (byId) {
      return byId.get(id);
    }
  }

  private boolean recentlyMissing(String label) {
    Instant until = misses.get(label);
    if (until == null) {
      return false;
    }
    if (clock.instant().isBefore(until)) {
      return true;
    }
    misses.remove(label, until);
    return false;
  }

  private Lookup hit(Entry e) {
    Instant now = clock.instant();
    if (!now.isBefore(e.stateCheckedAt.plus(stateTtl))) {
      refreshState(e, now);
    }
    CachedSchema s = e.schema;
    listener.hit(s.descriptor());
    return new Lookup.Found(s);
  }

  /** Re-reads the state of a cached version. Content never changes; only the state does. */
  private void refreshState(Entry e, Instant now) {
    e.stateCheckedAt = now;
    SchemaDescriptor d = e.schema.descriptor();
    try {
      Optional<SchemaDescriptor> fresh = source.byId(d.globalId());
      if (fresh.isPresent() && (fresh.get().state() != d.state()
          || !Objects.equals(fresh.get().sunset(), d.sunset()))) {
        e.schema = new CachedSchema(d.withState(fresh.get().state(), fresh.get().sunset()), e.schema.compiled());
        persist();
      }
    } catch (SchemaUnavailableException unavailable) {
      // Keep the state last seen; try again after another stateTtl.
    }
  }

  private Lookup admit(SchemaDescriptor d, Instant stateCheckedAt) {
    CachedSchema compiled;
    try {
      compiled = compile(d, new ArrayList<>());
    } catch (SchemaUnavailableException e) {
      return new Lookup.Unavailable(d.label() + " needs a referenced version that is not cached and "
          + e.getMessage());
    } catch (SchemaRejectedException e) {
      // Never pass a message unvalidated: a schema this runtime cannot compile is treated as unavailable.
      return new Lookup.Unavailable(d.label() + " could not be compiled here: " + e.getMessage());
    }
    synchronized (byId) {
      Entry existing = byId.get(d.globalId());
      if (existing == null) {
        byId.put(d.globalId(), new Entry(compiled, stateCheckedAt));
        versionIndex.put(Key.of(d), d.globalId());
      }
    }
    stored.remove(Key.of(d));
    storedById.remove(d.globalId());
    persist();
    return new Lookup.Found(compiled);
  }

  private CachedSchema compile(SchemaDescriptor d, List<SchemaReference> path) {
    if (d.references().isEmpty()) {
      return new CachedSchema(d, engine.compile(d.schema()));
    }
    Map<SchemaReference, JsonNode> documents = new HashMap<>();
    collect(d, documents, path);
    SchemaEngine withRefs = engine.toBuilder()
        .referenceResolver(ref -> Optional.ofNullable(documents.get(ref)))
        .build();
    return new CachedSchema(d, withRefs.compile(d.schema()));
  }

  private void collect(SchemaDescriptor d, Map<SchemaReference, JsonNode> documents, List<SchemaReference> path) {
    for (SchemaReference ref : d.references()) {
      if (documents.containsKey(ref) || path.contains(ref)) {
        continue;
      }
      Lookup l = version(ref.entity(), ref.major(), ref.minor());
      if (l instanceof Lookup.Found found) {
        documents.put(ref, found.schema().descriptor().schema());
        path.add(ref);
        collect(found.schema().descriptor(), documents, path);
      } else if (l instanceof Lookup.Unavailable u) {
        throw new SchemaUnavailableException(u.message());
      }
      // Not found: the engine reports UNKNOWN_REFERENCE when compiling, which admit() turns into Unavailable.
    }
  }

  private void persist() {
    if (snapshot == null) {
      return;
    }
    List<SchemaDescriptor> all = new ArrayList<>();
    synchronized (byId) {
      byId.values().forEach(e -> all.add(e.schema.descriptor()));
    }
    all.addAll(stored.values());
    synchronized (this) {
      SchemaSnapshot.write(snapshot, all, Map.copyOf(verdicts));
    }
  }

  /** Collects settings; not thread-safe. */
  public static final class Builder {
    private final SchemaSource source;
    private SchemaEngine engine = SchemaEngine.withDefaults();
    private Clock clock = Clock.systemUTC();
    private int maxEntries = 1_000;
    private Duration latestTtl = Duration.ofSeconds(30);
    private Duration stateTtl = Duration.ofMinutes(5);
    private Duration missTtl = Duration.ofSeconds(10);
    private Path snapshot;
    private Listener listener = Listener.none();

    private Builder(SchemaSource source) {
      this.source = Objects.requireNonNull(source, "source");
    }

    /** The engine that compiles schemas (limits, format assertions); default {@link SchemaEngine#withDefaults()}. */
    public Builder schemaEngine(SchemaEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Bound of the by-id LRU; default 1000. */
    public Builder maxEntries(int maxEntries) {
      if (maxEntries < 1) {
        throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
      }
      this.maxEntries = maxEntries;
      return this;
    }

    /** How long a {@code latest} answer is trusted; default 30 s. */
    public Builder latestTtl(Duration ttl) {
      this.latestTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /** How long a version's state is trusted before it is re-read; default 5 min. */
    public Builder stateTtl(Duration ttl) {
      this.stateTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /** How long "no such version" is remembered; default 10 s. */
    public Builder missTtl(Duration ttl) {
      this.missTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /** File the cache persists to and starts from; default none. */
    public Builder snapshot(Path file) {
      this.snapshot = Objects.requireNonNull(file, "file");
      return this;
    }

    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public SchemaCache build() {
      return new SchemaCache(this);
    }
  }
}
