package org.canonicalregistry.schema;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.canonicalregistry.schema.SchemaRejectedException.Reason;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.SchemaLoader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place the validator can obtain a document it does not already hold. It serves the bundled
 * draft meta-schemas and {@code urn:canonical:} references (through the {@link ReferenceResolver}) and
 * refuses everything else - http, https, file, classpath, jar, any scheme - with
 * {@link Reason#REMOTE_REFERENCE}. It replaces networknt's lookup entirely (the stock loader consults
 * the classpath before any configured loader), and has no switch that could enable fetching.
 */
final class RegistryOnlySchemaLoader extends SchemaLoader {

  private final ReferenceResolver resolver;
  private final JsonMapper mapper;

  RegistryOnlySchemaLoader(ReferenceResolver resolver, JsonMapper mapper) {
    super(List.of(), List.of(), iri -> true, iri -> false);
    this.resolver = resolver;
    this.mapper = mapper;
  }

  @Override
  public InputStreamSource getSchemaResource(AbsoluteIri absoluteIri) {
    String iri = absoluteIri.toString();
    String bundled = MetaSchemas.resourcePath(iri);
    if (bundled != null) {
      return () -> open(bundled);
    }
    if (iri.startsWith(SchemaReference.PREFIX)) {
      SchemaReference ref = SchemaReference.parse(iri).orElseThrow(() -> new SchemaRejectedException(
          Reason.INVALID_SCHEMA, "", "registry reference '" + iri
              + "' is not of the form urn:canonical:<entity>:<major>.<minor>"));
      JsonNode document = resolver.resolve(ref).orElseThrow(() -> new SchemaRejectedException(
          Reason.UNKNOWN_REFERENCE, "", "reference " + ref + " ('" + iri + "') is not held by the registry"));
      byte[] bytes = mapper.writeValueAsBytes(document);
      return () -> new ByteArrayInputStream(bytes);
    }
    throw new SchemaRejectedException(Reason.REMOTE_REFERENCE, "", "schema document '" + iri
        + "' is neither a bundled meta-schema nor a registry reference; nothing is ever fetched");
  }

  @Override
  protected AbsoluteIri resolveMetaSchemaId(AbsoluteIri absoluteIri) {
    return null;
  }

  @Override
  protected InputStreamSource getClasspathResource(AbsoluteIri absoluteIri) {
    return null;
  }

  private static InputStream open(String path) throws IOException {
    InputStream in = SchemaRegistry.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException("bundled meta-schema " + path + " is missing from the validator jar");
    }
    return in;
  }
}
