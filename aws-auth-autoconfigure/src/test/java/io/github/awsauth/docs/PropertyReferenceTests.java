package io.github.awsauth.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/properties.md} is the configuration metadata the build generates from the properties
 * classes' Javadoc, rendered as tables: this test fails when the two differ. To write the page
 * again after a property changed:
 * {@code ./mvnw -pl aws-auth-autoconfigure test -Dtest=PropertyReferenceTests -Daws.auth.docs.write=true}.
 */
class PropertyReferenceTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	private static final Path PAGE = Path.of("../docs/properties.md");

	@Test
	void referenceIsTheCurrentMetadata() throws IOException {
		String rendered = render(JsonMapper.builder().build().readTree(Files.readString(METADATA)));
		if (Boolean.getBoolean("aws.auth.docs.write")) {
			Files.writeString(PAGE, rendered, StandardCharsets.UTF_8);
		}
		assertThat(Files.exists(PAGE)).as("docs/properties.md exists").isTrue();
		assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
			.as("docs/properties.md is out of date; write it again with "
					+ "./mvnw -pl aws-auth-autoconfigure test -Dtest=PropertyReferenceTests -Daws.auth.docs.write=true")
			.isEqualTo(rendered);
	}

	@Test
	void everyPropertyIsDescribed() throws IOException {
		JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(METADATA));
		List<String> undescribed = properties(metadata).stream()
			.filter((property) -> text(property, "description").isBlank())
			.map((property) -> text(property, "name"))
			.toList();
		assertThat(undescribed).as("properties without a description").isEmpty();
	}

	static String render(JsonNode metadata) {
		Map<String, List<JsonNode>> sections = new TreeMap<>();
		for (JsonNode property : properties(metadata)) {
			sections.computeIfAbsent(section(text(property, "name")), (name) -> new java.util.ArrayList<>())
				.add(property);
		}
		StringBuilder page = new StringBuilder();
		page.append("# Property reference\n\n")
			.append("Every `aws.auth.*` property, generated from the configuration metadata the build makes of the\n")
			.append("properties classes (`PropertyReferenceTests` checks that this page is current). The elements\n")
			.append("of lists (`aws.auth.jwt.issuers[0].issuer-uri`, `aws.auth.sigv4.keys[0].secret-access-key`, …)\n")
			.append("and the meaning of each block are described in [configuration](configuration.md) and on each\n")
			.append("mechanism's page.\n");
		sections.forEach((section, properties) -> {
			page.append("\n## `").append(section).append("`\n\n");
			page.append("| Property | Type | Default | Description |\n|---|---|---|---|\n");
			properties.stream()
				.sorted(Comparator.comparing((JsonNode property) -> text(property, "name")))
				.forEach((property) -> page.append("| `")
					.append(text(property, "name"))
					.append("` | ")
					.append(cell(type(text(property, "type"))))
					.append(" | ")
					.append(defaultValue(property.get("defaultValue")))
					.append(" | ")
					.append(cell(text(property, "description")))
					.append(" |\n"));
		});
		return page.toString();
	}

	private static List<JsonNode> properties(JsonNode metadata) {
		List<JsonNode> properties = new java.util.ArrayList<>();
		metadata.get("properties").forEach((property) -> {
			if (text(property, "name").startsWith("aws.auth.") && property.get("deprecation") == null) {
				properties.add(property);
			}
		});
		return properties;
	}

	/** {@code aws.auth.jwt.jwks.max-age} is in {@code aws.auth.jwt}; top-level properties in {@code aws.auth}. */
	private static String section(String name) {
		String[] parts = name.split("\\.");
		return (parts.length > 3) ? parts[0] + "." + parts[1] + "." + parts[2] : "aws.auth";
	}

	private static String type(String type) {
		return "`" + type.replaceAll("\\b(java\\.lang|java\\.util|java\\.time|java\\.net|org\\.springframework\\.util\\.unit)\\.", "")
			.replaceAll("\\bio\\.github\\.awsauth\\.[a-z.]+\\.", "")
			.replace('$', '.') + "`";
	}

	private static String defaultValue(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			List<String> values = new java.util.ArrayList<>();
			value.forEach((element) -> values.add(element.asString()));
			return values.isEmpty() ? "" : "`" + cell(String.join(", ", values)) + "`";
		}
		return "`" + cell(value.asString()) + "`";
	}

	private static String cell(String text) {
		return text.replace("|", "\\|").replaceAll("\\s*\\n\\s*", " ").strip();
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull()) ? value.asString() : "";
	}


}
