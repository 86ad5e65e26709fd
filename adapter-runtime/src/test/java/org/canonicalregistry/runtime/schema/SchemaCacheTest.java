package org.canonicalregistry.runtime.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.canonicalregistry.runtime.testing.Models;
import org.canonicalregistry.runtime.testing.SwitchableSource;
import org.canonicalregistry.runtime.testing.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCacheTest {

  @TempDir
  static Path folder;
  static LocalSchemaSource models;

  @TempDir
  Path work;

  private final TestClock clock = new TestClock(Instant.parse("2026-11-22T01:00:00Z"));

  @BeforeAll
  static void load() {
    models = new LocalSchemaSource(Models.localFolder(folder));
  }

  @Test
  void anExactVersionIsReadFromTheSourceOnceAndNeverExpires() {
    SwitchableSource source = new SwitchableSource(models);
    SchemaCache cache = SchemaCache.builder(source).clock(clock).stateTtl(Duration.ofDays(365)).build();

    assertThat(cache.version("customer", 1, 0)).isInstanceOf(Lookup.Found.class);
    clock.advance(Duration.ofDays(30));
    assertThat(cache.version("customer", 1, 0)).isInstanceOf(Lookup.Found.class);

    assertThat(source.calls).hasValue(1);
  }

  @Test
  void theLruIsBoundedAndAnEvictedVersionIsReadAgain() {
    SwitchableSource source = new SwitchableSource(models);
    SchemaCache cache = SchemaCache.builder(source).clock(clock).maxEntries(2).build();

    cache.version("customer", 1, 0);
    cache.version("customer", 1, 1);
    cache.version("customer", 1, 0);
    cache.version("customer", 1, 2);

    assertThat(cache.size()).isEqualTo(2);
    int before = source.calls.get();
    assertThat(cache.version("customer", 1, 0)).as("recently used, kept").isInstanceOf(Lookup.Found.class);
    assertThat(source.calls).hasValue(before);
    assertThat(cache.version("customer", 1, 1)).as("least recently used, evicted").isInstanceOf(Lookup.Found.class);
    assertThat(source.calls).hasValue(before + 1);
  }

  @Test
  void latestIsTrustedForItsTtlOnly() {
    AtomicReference<String> latestMinor = new AtomicReference<>("0");
    SchemaSource moving = new DelegatingSource(models) {
      @Override
      public Optional<SchemaDescriptor> latest(String entity, int major) {
        return models.version(entity, major, Integer.parseInt(latestMinor.get()));
      }
    };
    SchemaCache cache = SchemaCache.builder(moving).clock(clock).latestTtl(Duration.ofSeconds(30)).build();

    assertThat(found(cache.latest("customer", 1)).minor()).isZero();
    latestMinor.set("1");
    clock.advance(Duration.ofSeconds(29));
    assertThat(found(cache.latest("customer", 1)).minor()).as("within the TTL").isZero();
    clock.advance(Duration.ofSeconds(2));
    assertThat(found(cache.latest("customer", 1)).minor()).as("after the TTL").isEqualTo(1);
  }

  @Test
  void latestServesTheLastAnswerWhileTheSourceIsDown() {
    SwitchableSource source = new SwitchableSource(models);
    SchemaCache cache = SchemaCache.builder(source).clock(clock).latestTtl(Duration.ofSeconds(30)).build();
    SchemaDescriptor first = found(cache.latest("customer", 1));

    source.down();
    clock.advance(Duration.ofMinutes(5));

    assertThat(found(cache.latest("customer", 1))).isEqualTo(first);
    assertThat(cache.latest("order", 1)).isInstanceOf(Lookup.Unavailable.class);
  }

  @Test
  void notFoundIsRememberedForTheMissTtl() {
    SwitchableSource source = new SwitchableSource(models);
    SchemaCache cache = SchemaCache.builder(source).clock(clock).missTtl(Duration.ofSeconds(10)).build();

    assertThat(cache.version("customer", 1, 9)).isInstanceOf(Lookup.NotFound.class);
    assertThat(cache.version("customer", 1, 9)).isInstanceOf(Lookup.NotFound.class);
    assertThat(source.calls).hasValue(1);
    clock.advance(Duration.ofSeconds(11));
    assertThat(cache.version("customer", 1, 9)).isInstanceOf(Lookup.NotFound.class);
    assertThat(source.calls).hasValue(2);
  }

  @Test
  void aVersionsStateIsReReadAfterTheStateTtlAndKeptWhileTheSourceIsDown() {
    AtomicReference<VersionState> state = new AtomicReference<>(VersionState.PUBLISHED);
    SwitchableSource source = new SwitchableSource(new DelegatingSource(models) {
      @Override
      public Optional<SchemaDescriptor> byId(long globalId) {
        return models.byId(globalId).map(d -> d.withState(state.get(), LocalDate.parse("2027-01-31")));
      }
    });
    SchemaCache cache = SchemaCache.builder(source).clock(clock).stateTtl(Duration.ofMinutes(5)).build();
    assertThat(found(cache.version("customer", 1, 0)).state()).isEqualTo(VersionState.PUBLISHED);

    state.set(VersionState.RETIRED);
    clock.advance(Duration.ofMinutes(4));
    assertThat(found(cache.version("customer", 1, 0)).state()).isEqualTo(VersionState.PUBLISHED);
    clock.advance(Duration.ofMinutes(2));
    assertThat(found(cache.version("customer", 1, 0)).state()).isEqualTo(VersionState.RETIRED);

    source.down();
    state.set(VersionState.PUBLISHED);
    clock.advance(Duration.ofMinutes(6));
    assertThat(found(cache.version("customer", 1, 0)).state()).as("last seen, while down")
        .isEqualTo(VersionState.RETIRED);
  }

  @Test
  void aCacheBuiltOnTheSnapshotEnforcesWhatAnEarlierOneLearntWithoutTheSource() {
    Path snapshot = work.resolve("cache/snapshot.json");
    SchemaCache first = SchemaCache.builder(models).snapshot(snapshot).build();
    first.version("order", 1, 0);
    SchemaDescriptor customer = found(first.version("customer", 1, 0));
    first.forwardCompatible(customer, found(first.version("customer", 1, 1)));

    SwitchableSource down = new SwitchableSource(models);
    down.down();
    SchemaCache restarted = SchemaCache.builder(down).snapshot(snapshot).build();

    assertThat(found(restarted.version("order", 1, 0)).label()).isEqualTo("order@1.0");
    assertThat(found(restarted.byId(customer.globalId())).label()).isEqualTo("customer@1.0");
    assertThat(restarted.forwardCompatible(customer, found(restarted.version("customer", 1, 1)))).isTrue();
    assertThat(restarted.version("customer", 1, 2)).isInstanceOf(Lookup.Unavailable.class);
  }

  @Test
  void aSnapshotEntryWhoseContentDoesNotMatchItsFingerprintIsIgnored() throws Exception {
    Path snapshot = work.resolve("snapshot.json");
    SchemaCache.builder(models).snapshot(snapshot).build().version("customer", 1, 0);
    String text = Files.readString(snapshot, StandardCharsets.UTF_8);
    Files.writeString(snapshot, text.replace("\"maxLength\":200", "\"maxLength\":20000"), StandardCharsets.UTF_8);
    assertThat(Files.readString(snapshot)).contains("20000");

    SwitchableSource down = new SwitchableSource(models);
    down.down();
    SchemaCache restarted = SchemaCache.builder(down).snapshot(snapshot).build();

    assertThat(restarted.version("customer", 1, 0)).isInstanceOf(Lookup.Unavailable.class);
  }

  private static SchemaDescriptor found(Lookup lookup) {
    assertThat(lookup).isInstanceOf(Lookup.Found.class);
    return ((Lookup.Found) lookup).schema().descriptor();
  }

  /** A source that answers like another unless a test overrides a method. */
  static class DelegatingSource implements SchemaSource {
    private final SchemaSource delegate;

    DelegatingSource(SchemaSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<SchemaDescriptor> version(String entity, int major, int minor) {
      return delegate.version(entity, major, minor);
    }

    @Override
    public Optional<SchemaDescriptor> byId(long globalId) {
      return delegate.byId(globalId);
    }

    @Override
    public Optional<SchemaDescriptor> latest(String entity, int major) {
      return delegate.latest(entity, major);
    }

    @Override
    public boolean forwardCompatible(SchemaDescriptor reader, SchemaDescriptor writer) {
      return delegate.forwardCompatible(reader, writer);
    }
  }
}
