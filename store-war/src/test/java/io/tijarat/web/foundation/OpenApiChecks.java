package io.tijarat.web.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.tijarat.web.TijaratApplication;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks the served {@code /openapi} document the way a client generator or Postman would read it: a real
 * OpenAPI parser (swagger-parser), and a real JSON Schema validator (networknt, draft 4, the dialect OpenAPI 3.0
 * schemas are based on) for every example. Client side only: FoundationIT calls it from a @RunAsClient test.
 */
final class OpenApiChecks {

    /** Payara adds a non-standard root field listing the paths; it is not ours and cannot be switched off. */
    private static final String PAYARA_ENDPOINTS_MESSAGE = "attribute endpoints is unexpected";

    private static final Set<String> STOREFRONT_TAGS = Set.of("Catalog", "Cart", "Checkout", "Orders");
    /** POST /api/carts answers an empty cart, and Payara drops empty arrays from example values. */
    private static final Set<String> WITHOUT_EXAMPLE = Set.of("createCart");
    private static final Pattern JAVA_TYPE = Pattern.compile("\\((io\\.tijarat\\.[A-Za-z0-9_.]+)\\)");
    private static final Set<String> PROBLEM_STATUSES = Set.of("400", "401", "403", "404", "409", "422");

    private final OpenAPI api;
    private final JsonNode tree;

    private OpenApiChecks(String json) throws Exception {
        var options = new ParseOptions();
        var result = new OpenAPIV3Parser().readContents(json, null, options);
        List<String> messages = new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages());
        messages.remove(PAYARA_ENDPOINTS_MESSAGE);
        assertEquals(List.of(), messages, "swagger-parser found problems in /openapi");
        this.api = result.getOpenAPI();
        assertNotNull(api, "swagger-parser read no document");
        this.tree = new ObjectMapper().readTree(json);
    }

    /** Runs every check on the document (JSON, as served with Accept: application/json). */
    static void check(String json) throws Exception {
        var doc = new OpenApiChecks(json);
        doc.checkoutBodyIsTheCheckoutRequest();
        doc.everyBodyHasARealSchema();
        doc.adminCallsNeedTheBearerToken();
        doc.schemasMirrorTheirRecords();
        int validated = doc.everyExampleMatchesItsSchema();
        assertTrue(validated >= 20, "only " + validated + " examples were found");
        doc.everyStorefrontCallHasAnExample();
    }

    private void checkoutBodyIsTheCheckoutRequest() {
        Operation checkout = api.getPaths().get("/api/checkout").getPost();
        Schema<?> body = resolve(mediaType(requestBody(checkout).getContent(), "application/json").getSchema());
        assertEquals("object", body.getType(), "checkout body");
        assertTrue(body.getProperties().keySet().containsAll(List.of("cartId", "customer", "shippingAddress",
                "paymentProvider", "shippingProvider", "shippingService", "paymentMethod", "wallet")), body.toString());
        assertTrue(body.getRequired().containsAll(List.of("cartId", "customer", "paymentProvider")), body.toString());
        Schema<?> customer = resolve(body.getProperties().get("customer"));
        assertTrue(customer.getProperties().keySet().containsAll(List.of("name", "phone", "email", "locale")));
        Schema<?> placed = resolve(mediaType(response(checkout, "201").getContent(), "application/json").getSchema());
        assertTrue(placed.getProperties().keySet().containsAll(List.of("order", "accessToken")), placed.toString());
        Schema<?> nextAction = resolve(resolve(resolve(placed.getProperties().get("order")).getProperties().get("payment"))
                .getProperties().get("nextAction"));
        assertEquals(List.of("REDIRECT", "APPROVE_ON_PHONE", "PAY_VOUCHER", "PAY_OFFLINE"),
                nextAction.getProperties().get("type").getEnum());
    }

    /** No generated placeholders: no "default" answer, no byte[] array bodies, no empty objects; errors are problems. */
    private void everyBodyHasARealSchema() {
        forEachOperation((where, op) -> {
            assertFalse(op.getResponses().containsKey("default"), where + " has a default response");
            if (op.getRequestBody() != null) {
                requestBody(op).getContent().forEach((type, media) -> assertReal(where + " body " + type, media.getSchema()));
            }
            op.getResponses().forEach((code, ref) -> {
                ApiResponse response = resolve(ref);
                assertNotNull(response.getDescription(), where + " " + code);
                if (response.getContent() == null) {
                    return;
                }
                response.getContent().forEach((type, media) -> assertReal(where + " " + code + " " + type, media.getSchema()));
                if (PROBLEM_STATUSES.contains(code) && !response.getContent().containsKey("text/html")) {
                    Schema<?> problem = mediaType(response.getContent(), "application/problem+json").getSchema();
                    assertEquals("#/components/schemas/Problem", problem.get$ref(), where + " " + code);
                }
            });
        });
    }

    private void assertReal(String where, Schema<?> schema) {
        assertNotNull(schema, where + " has no schema");
        Schema<?> real = resolve(schema);
        assertFalse("array".equals(real.getType()) && real.getItems() == null, where + " is an array of nothing");
        assertFalse("object".equals(real.getType()) && real.getProperties() == null
                && real.getAdditionalProperties() == null, where + " is an object without fields");
    }

    private void adminCallsNeedTheBearerToken() {
        var scheme = api.getComponents().getSecuritySchemes().get(TijaratApplication.BEARER_JWT);
        assertNotNull(scheme, "no admin security scheme");
        assertEquals("bearer", scheme.getScheme());
        assertEquals("JWT", scheme.getBearerFormat());
        forEachOperation((where, op) -> {
            List<SecurityRequirement> security = op.getSecurity();
            if (where.contains(" /api/admin/")) {
                assertNotNull(security, where + " has no security requirement");
                assertTrue(security.stream().anyMatch(s -> s.containsKey(TijaratApplication.BEARER_JWT)), where);
                assertNotNull(op.getResponses().get("401"), where + " documents no 401");
            } else {
                assertTrue(security == null || security.isEmpty(), where + " should need no token");
            }
        });
    }

    /** Each schema names the Java record (or enum) it mirrors; its properties must be exactly that type's fields. */
    private void schemasMirrorTheirRecords() throws Exception {
        int mirrored = 0;
        for (Map.Entry<String, Schema> entry : api.getComponents().getSchemas().entrySet()) {
            String description = entry.getValue().getDescription();
            Matcher m = description == null ? null : JAVA_TYPE.matcher(description);
            if (m == null || !m.find()) {
                continue;
            }
            Class<?> type = javaClass(m.group(1));
            if (type.isRecord()) {
                Set<String> fields = Arrays.stream(type.getRecordComponents()).map(c -> c.getName())
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(fields, new TreeSet<>(entry.getValue().getProperties().keySet()), entry.getKey() + " vs " + type);
            } else if (type.isEnum()) {
                Set<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(constants, new TreeSet<>(entry.getValue().getEnum().stream().map(String::valueOf).toList()),
                        entry.getKey() + " vs " + type);
            }
            mirrored++;
        }
        assertTrue(mirrored >= 40, "only " + mirrored + " schemas name their Java type");
    }

    /** io.tijarat.core.cart.CartView.Line is the nested class CartView$Line. */
    private static Class<?> javaClass(String dotted) throws ClassNotFoundException {
        String name = dotted;
        while (true) {
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException e) {
                int dot = name.lastIndexOf('.');
                if (dot < 0) {
                    throw e;
                }
                name = name.substring(0, dot) + '$' + name.substring(dot + 1);
            }
        }
    }

    /**
     * Every example and every schema example in the document, validated against its schema with the components
     * alongside, so that $refs resolve. Returns how many were checked.
     */
    private int everyExampleMatchesItsSchema() {
        var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        List<String> failures = new ArrayList<>();
        int[] count = {0};
        walk(tree, "#", (where, node) -> {
            JsonNode schema = node.has("schema") ? node.get("schema") : null;
            List<Map.Entry<String, JsonNode>> examples = new ArrayList<>();
            if (node.has("example") && (schema != null || node.has("type") || node.has("$ref"))) {
                examples.add(Map.entry("example", node.get("example")));
                schema = schema == null ? node : schema;
            }
            if (schema != null && node.has("examples")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.get("examples").fields(); it.hasNext(); ) {
                    var example = it.next();
                    examples.add(Map.entry(example.getKey(), example.getValue().get("value")));
                }
            }
            for (var example : examples) {
                ObjectNode wrapper = new ObjectMapper().createObjectNode();
                wrapper.putArray("allOf").add(withoutExample(schema));
                wrapper.set("components", tree.get("components"));
                var errors = registry.getSchema(wrapper.toString(), InputFormat.JSON)
                        .validate(example.getValue().toString(), InputFormat.JSON);
                errors.forEach(e -> failures.add(where + " " + example.getKey() + ": " + e));
                count[0]++;
            }
        });
        assertEquals(List.of(), failures, "examples that do not match their schema");
        return count[0];
    }

    private static JsonNode withoutExample(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        if (copy instanceof ObjectNode o) {
            o.remove("example");
        }
        return copy;
    }

    private void everyStorefrontCallHasAnExample() {
        forEachOperation((where, op) -> {
            if (op.getTags() == null || op.getTags().stream().noneMatch(STOREFRONT_TAGS::contains)
                    || WITHOUT_EXAMPLE.contains(op.getOperationId())) {
                return;
            }
            boolean any = op.getRequestBody() != null && hasExample(requestBody(op).getContent());
            for (var code : op.getResponses().keySet()) {
                any |= code.startsWith("2") && hasExample(resolve(op.getResponses().get(code)).getContent());
            }
            assertTrue(any, where + " has no example");
        });
    }

    private static boolean hasExample(Map<String, MediaType> content) {
        return content != null && content.values().stream()
                .anyMatch(m -> m.getExample() != null || (m.getExamples() != null && !m.getExamples().isEmpty()));
    }

    // ---- model navigation

    private interface OperationCheck {
        void check(String where, Operation op);
    }

    private interface NodeCheck {
        void check(String where, JsonNode node);
    }

    private void forEachOperation(OperationCheck check) {
        assertFalse(api.getPaths().isEmpty());
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, op) -> check.check(method + " " + path, op)));
    }

    private static void walk(JsonNode node, String where, NodeCheck check) {
        if (node.isObject()) {
            check.check(where, node);
            node.fields().forEachRemaining(f -> walk(f.getValue(), where + "/" + f.getKey(), check));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, check);
            }
        }
    }

    private RequestBody requestBody(Operation op) {
        RequestBody body = op.getRequestBody();
        if (body.get$ref() != null) {
            body = api.getComponents().getRequestBodies().get(simpleName(body.get$ref()));
        }
        return body;
    }

    private ApiResponse response(Operation op, String code) {
        ApiResponse response = op.getResponses().get(code);
        assertNotNull(response, code + " of " + op.getOperationId());
        return resolve(response);
    }

    private ApiResponse resolve(ApiResponse response) {
        return response.get$ref() == null ? response : api.getComponents().getResponses().get(simpleName(response.get$ref()));
    }

    private Schema<?> resolve(Schema<?> schema) {
        return schema.get$ref() == null ? schema : api.getComponents().getSchemas().get(simpleName(schema.get$ref()));
    }

    private static MediaType mediaType(Map<String, MediaType> content, String type) {
        assertNotNull(content, "no content");
        MediaType media = content.get(type);
        assertNotNull(media, "no " + type + " in " + content.keySet());
        return media;
    }

    private static String simpleName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
