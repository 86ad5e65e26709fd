package org.canonicalregistry.schema;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import org.canonicalregistry.schema.SchemaRejectedException.Reason;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns untrusted bytes into a {@link JsonNode} under the engine's limits, cheapest checks first:
 * length, then strict UTF-8, then a streaming parse whose nesting depth Jackson bounds
 * ({@link StreamReadConstraints#getMaxNestingDepth()}), with duplicate keys and trailing content refused.
 * Immutable and thread-safe.
 */
final class BoundedJsonReader {

  private final SchemaLimits limits;
  private final JsonMapper mapper;

  BoundedJsonReader(SchemaLimits limits) {
    this.limits = limits;
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth()).build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    this.mapper = JsonMapper.builder(factory)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .build();
  }

  JsonMapper mapper() {
    return mapper;
  }

  JsonNode readSchema(byte[] utf8) {
    return read(utf8, "schema", limits.maxBytes());
  }

  JsonNode readSchema(String json) {
    return read(encode(json, "schema", limits.maxBytes()), "schema", limits.maxBytes());
  }

  JsonNode readInstance(byte[] utf8) {
    return read(utf8, "instance", limits.maxInstanceBytes());
  }

  private JsonNode read(byte[] utf8, String what, int maxBytes) {
    if (utf8 == null) {
      throw new NullPointerException(what + " bytes");
    }
    if (utf8.length > maxBytes) {
      throw new SchemaRejectedException(Reason.TOO_LARGE, "",
          what + " is " + utf8.length + " bytes; the limit is " + maxBytes);
    }
    JsonNode tree;
    try {
      // Plain ASCII without NUL is valid UTF-8 and leaves Jackson's encoding detection nothing to guess (it
      // looks for zero bytes and byte order marks), so it is parsed as it is, without a decoded copy. Anything
      // else is decoded strictly first, so its errors name the offending byte.
      tree = isPlainAscii(utf8) ? mapper.readTree(utf8) : mapper.readTree(decode(utf8, what));
    } catch (StreamConstraintsException e) {
      if (e.getMessage() != null && e.getMessage().contains("nesting depth")) {
        throw tooDeep(what, e);
      }
      throw malformed(what, e);
    } catch (JacksonException e) {
      throw malformed(what, e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new SchemaRejectedException(Reason.MALFORMED_JSON, "", what + " is empty: it holds no JSON value");
    }
    return tree;
  }

  /** Rejects a tree a caller built in memory that nests deeper than the limit (iterative check). */
  void checkDepth(JsonNode root, String what) {
    record Level(JsonNode node, int depth) {
    }
    Deque<Level> work = new ArrayDeque<>();
    work.push(new Level(root, root.isContainer() ? 1 : 0));
    while (!work.isEmpty()) {
      Level level = work.pop();
      if (level.depth() > limits.maxDepth()) {
        throw new SchemaRejectedException(Reason.TOO_DEEP, "",
            what + " nests objects/arrays more than " + limits.maxDepth() + " levels deep; the limit is "
                + limits.maxDepth());
      }
      for (JsonNode child : level.node().values()) {
        if (child.isContainer()) {
          work.push(new Level(child, level.depth() + 1));
        }
      }
    }
  }

  private SchemaRejectedException tooDeep(String what, JacksonException e) {
    return new SchemaRejectedException(Reason.TOO_DEEP, "",
        what + " nests objects/arrays more than " + limits.maxDepth() + " levels deep" + at(e)
            + "; the limit is " + limits.maxDepth(), e);
  }

  private static SchemaRejectedException malformed(String what, JacksonException e) {
    return new SchemaRejectedException(Reason.MALFORMED_JSON, "",
        what + " is not well-formed JSON" + at(e) + ": " + e.getOriginalMessage(), e);
  }

  private static String at(JacksonException e) {
    TokenStreamLocation loc = e.getLocation();
    if (loc == null || loc.getLineNr() < 0) {
      return "";
    }
    return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  private static boolean isPlainAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b <= 0) {
        return false;
      }
    }
    return true;
  }

  private static String decode(byte[] utf8, String what) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(utf8);
    CharBuffer out = CharBuffer.allocate(utf8.length);
    var result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new SchemaRejectedException(Reason.INVALID_UTF8, "",
          what + " is not valid UTF-8: " + (result.isMalformed() ? "malformed" : "unmappable")
              + " sequence of " + result.length() + " byte(s) at byte offset " + in.position());
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  private static byte[] encode(String json, String what, int maxBytes) {
    if (json == null) {
      throw new NullPointerException(what + " text");
    }
    // Every char needs at least one UTF-8 byte: a too-long string is refused before encoding.
    if (json.length() > maxBytes) {
      throw new SchemaRejectedException(Reason.TOO_LARGE, "",
          what + " is at least " + json.length() + " bytes; the limit is " + maxBytes);
    }
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      ByteBuffer bytes = encoder.encode(CharBuffer.wrap(json));
      byte[] out = new byte[bytes.remaining()];
      bytes.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new SchemaRejectedException(Reason.INVALID_UTF8, "",
          what + " text holds an unpaired surrogate and has no UTF-8 form", e);
    }
  }
}
