package io.smsgw.deploy;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The container images, checked without a container engine: the jlink module list of the offline
 * images, the two Maven profiles that build them, and every image tar a build left in a module's
 * target/ (skipped when none was built): its name, user, entry point and, for an offline image,
 * the Java runtime and userland it carries on top of scratch.
 */
class ImageTests {

	/** What `jdeps --print-module-deps` reported over the services' jars (see jlink-modules.txt). */
	private static final List<String> JDEPS_MODULES = List.of("java.base", "java.compiler", "java.desktop",
			"java.instrument", "java.naming", "java.net.http", "java.prefs", "java.rmi", "java.scripting",
			"java.security.jgss", "java.security.sasl", "java.sql", "java.sql.rowset", "jdk.jfr", "jdk.management",
			"jdk.unsupported");

	private static final List<String> IMAGE_MODULES = List.of("api-service", "router-service",
			"smpp-connector-service", "modem-connector-service", "dlr-service", "webhook-service", "simulators");

	private final ObjectMapper json = JsonMapper.builder().build();

	@Test
	void jlinkModulesCoverWhatTheServicesUseAndExistInTheJdk() throws IOException {
		List<String> modules = jlinkModules();
		assertThat(modules).containsAll(JDEPS_MODULES).contains("jdk.crypto.ec", "jdk.charsets").doesNotHaveDuplicates();
		ModuleFinder system = ModuleFinder.ofSystem();
		assertThat(modules).allSatisfy((module) -> assertThat(system.find(module)).as(module).isPresent());
	}

	@Test
	void profilesBuildFromARegistryOrFromScratchWithTheRootFileSystem() throws Exception {
		Map<String, Element> profiles = profiles();
		assertThat(profiles).containsKeys("images", "images-offline");
		assertThat(text(profiles.get("images"), "image.base")).isEqualTo("eclipse-temurin:17-jre");
		Element offline = profiles.get("images-offline");
		assertThat(text(offline, "from")).isEqualTo("scratch");
		assertThat(text(offline, "to")).isEqualTo("${image.registry}/${project.artifactId}:${project.version}");
		assertThat(text(offline, "user")).isEqualTo("1000:1000");
		assertThat(text(offline, "PATH")).startsWith("/opt/java/bin:");
		// both kinds of image take their JAVA_TOOL_OPTIONS from the module (docs/operations.md#jvm-options)
		for (String id : List.of("images", "images-offline")) {
			assertThat(text(profiles.get(id), "JAVA_TOOL_OPTIONS")).as(id).isEqualTo("${image.java-tool-options}");
		}
		assertThat(((Element) offline.getElementsByTagName("arg").item(0)).getAttribute("value"))
			.endsWith("/deploy/images/build-rootfs.sh");
		assertThat(text(offline, "permissions")).contains("/opt/java/bin/*", "/lib64/*", "/tmp");
		assertThat(Repository.root().resolve("deploy/images/build-rootfs.sh")).isRegularFile();
	}

	@Test
	void builtImagesAreNamedAndRunnableAsUser1000(@TempDir Path work) throws Exception {
		List<Path> tars = new ArrayList<>();
		for (String module : IMAGE_MODULES) {
			Path tar = Repository.root().resolve(module).resolve("target/jib-image.tar");
			if (Files.isRegularFile(tar)) {
				tars.add(tar);
			}
		}
		assumeFalse(tars.isEmpty(), "no image built (./mvnw -Pimages-offline -DskipTests -pl <module> package)");
		for (Path tar : tars) {
			checkImage(tar, Files.createDirectories(work.resolve(tar.getParent().getParent().getFileName())));
		}
	}

	private void checkImage(Path tar, Path dir) throws IOException {
		String module = dir.getFileName().toString();
		ImageTar.extractFlat(tar, dir);
		JsonNode manifest = json.readTree(dir.resolve("manifest.json").toFile()).get(0);
		assertThat(manifest.get("RepoTags").get(0).asString()).as(module).startsWith("smsgw/" + module + ":");
		JsonNode config = json.readTree(dir.resolve(manifest.get("Config").asString()).toFile()).get("config");
		assertThat(config.get("User").asString()).as(module).isEqualTo("1000:1000");
		List<String> entrypoint = strings(config.get("Entrypoint"));
		assertThat(entrypoint).as(module).startsWith("java").contains("-cp", "@/app/jib-classpath-file");
		List<String> env = strings(config.get("Env"));
		// C1 only, but C1 and C2 for the SMPP connector (docs/operations.md#jvm-options)
		assertThat(env).as(module).contains("JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel="
				+ (module.equals("smpp-connector-service") ? 4 : 1));
		if (!env.contains("JAVA_HOME=/opt/java")) {
			return; // built by the registry profile: the runtime comes from the base image
		}
		assertThat(env).as(module).contains("PATH=/opt/java/bin:/usr/bin:/bin", "LANG=C.UTF-8");
		Map<String, ImageTar.Entry> files = new HashMap<>();
		for (JsonNode layer : manifest.get("Layers")) {
			files.putAll(ImageTar.read(dir.resolve(layer.asString()), (path) -> path.equals("etc/passwd")));
		}
		assertThat(files.get("opt/java/bin/java").mode()).as(module).isEqualTo(0755);
		assertThat(files.get("lib64/ld-linux-x86-64.so.2").mode()).as(module).isEqualTo(0755);
		assertThat(files.get("tmp").mode()).as(module).isEqualTo(0777);
		assertThat(files).as(module).containsKeys("opt/java/lib/server/libjvm.so", "opt/java/lib/security/cacerts",
				"lib/x86_64-linux-gnu/libc.so.6", "lib/x86_64-linux-gnu/libz.so.1", "lib/x86_64-linux-gnu/libstdc++.so.6",
				"etc/ld.so.cache", "etc/ssl/certs/ca-certificates.crt", "usr/lib/locale/C.utf8/LC_CTYPE",
				"app/jib-classpath-file");
		assertThat(new String(files.get("etc/passwd").content(), StandardCharsets.UTF_8)).contains(":x:1000:1000:");
	}

	private List<String> jlinkModules() throws IOException {
		return Files.readAllLines(Repository.root().resolve("deploy/images/jlink-modules.txt")).stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
	}

	private static Map<String, Element> profiles() throws Exception {
		Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(Repository.root().resolve("pom.xml").toFile());
		Map<String, Element> profiles = new HashMap<>();
		NodeList nodes = pom.getElementsByTagName("profile");
		for (int i = 0; i < nodes.getLength(); i++) {
			Element profile = (Element) nodes.item(i);
			profiles.put(text(profile, "id"), profile);
		}
		return profiles;
	}

	private static String text(Element parent, String tag) {
		NodeList found = parent.getElementsByTagName(tag);
		assertThat(found.getLength()).as(tag).isPositive();
		return found.item(0).getTextContent().strip();
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array != null) {
			array.forEach((node) -> values.add(node.asString()));
		}
		return values;
	}

}
