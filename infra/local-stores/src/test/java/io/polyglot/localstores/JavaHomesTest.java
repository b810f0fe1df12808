package io.polyglot.localstores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Choosing the JDK for Cassandra, on fake JDK homes: no store is started. */
class JavaHomesTest {

	@TempDir
	Path root;

	private Path userHome() throws IOException {
		return Files.createDirectories(this.root.resolve("home/dev"));
	}

	@Test
	void readsFeatureVersionsOfBothVersionSchemes() {
		assertThat(JavaHomes.featureVersion("17.0.15")).hasValue(17);
		assertThat(JavaHomes.featureVersion("17")).hasValue(17);
		assertThat(JavaHomes.featureVersion("11.0.2")).hasValue(11);
		assertThat(JavaHomes.featureVersion("21-ea")).hasValue(21);
		assertThat(JavaHomes.featureVersion("25.0.3+9")).hasValue(25);
		assertThat(JavaHomes.featureVersion("1.8.0_392")).hasValue(8);
		assertThat(JavaHomes.featureVersion("")).isEmpty();
		assertThat(JavaHomes.featureVersion("latest")).isEmpty();
	}

	@Test
	void readsJavaVersionOfAReleaseFile() {
		assertThat(JavaHomes.releaseVersion(List.of("IMPLEMENTOR=\"Debian\"", "JAVA_RUNTIME_VERSION=\"17.0.15+6\"",
				"JAVA_VERSION=\"17.0.15\"", "JAVA_VERSION_DATE=\"2025-04-15\"")))
			.hasValue("17.0.15");
		assertThat(JavaHomes.releaseVersion(List.of("JAVA_VERSION=11.0.2"))).hasValue("11.0.2");
		assertThat(JavaHomes.releaseVersion(List.of("IMPLEMENTOR=\"Debian\""))).isEmpty();
	}

	@Test
	void featureOfAHomeComesFromItsReleaseFile() throws IOException {
		Path jdk = fakeJdk(this.root.resolve("usr/lib/jvm/temurin-25"), "25.0.3");
		assertThat(JavaHomes.featureOf(jdk)).hasValue(25);
		assertThat(JavaHomes.featureOf(this.root.resolve("nowhere"))).isEqualTo(OptionalInt.empty());
	}

	@Test
	void usesTheRunningJvmWhenItIsAJdk17() throws IOException {
		Path running = this.root.resolve("running");
		assertThat(JavaHomes.select(17, running, Map.of(), userHome(), this.root)).isEqualTo(running);
	}

	@Test
	void prefersCassandraJavaHomeOverTheSearch() throws IOException {
		Path explicit = fakeJdk(this.root.resolve("custom/jdk17"), "17.0.9");
		fakeJdk(this.root.resolve("usr/lib/jvm/java-17"), "17.0.15");
		Map<String, String> env = Map.of("CASSANDRA_JAVA_HOME", explicit.toString());
		assertThat(JavaHomes.select(25, this.root.resolve("running"), env, userHome(), this.root)).isEqualTo(explicit);
	}

	@Test
	void rejectsACassandraJavaHomeThatDoesNotFit() throws IOException {
		Path jdk21 = fakeJdk(this.root.resolve("custom/jdk21"), "21.0.5");
		Map<String, String> env = Map.of("CASSANDRA_JAVA_HOME", jdk21.toString());
		assertThatExceptionOfType(LocalStoreException.class)
			.isThrownBy(() -> JavaHomes.select(25, this.root.resolve("running"), env, userHome(), this.root))
			.withMessageContaining("CASSANDRA_JAVA_HOME")
			.withMessageContaining("a JDK 21");
	}

	@Test
	void findsAJdk17AmongOthersInTheUsualPlaces() throws IOException {
		fakeJdk(this.root.resolve("usr/lib/jvm/java-11"), "11.0.2");
		fakeJdk(this.root.resolve("usr/lib/jvm/temurin-25"), "25.0.3");
		Path sdkman = fakeJdk(userHome().resolve(".sdkman/candidates/java/17.0.12-tem"), "17.0.12");
		assertThat(JavaHomes.select(25, this.root.resolve("running"), Map.of(), userHome(), this.root))
			.isEqualTo(sdkman.toRealPath());
	}

	@Test
	void findsMacOsJdksAndJavaHome() throws IOException {
		Path mac = fakeJdk(this.root.resolve("Library/Java/JavaVirtualMachines/zulu-17.jdk/Contents/Home"), "17.0.1");
		Path javaHome = fakeJdk(this.root.resolve("elsewhere/jdk-17"), "17.0.2");
		List<Path> candidates = JavaHomes.candidates(Map.of("JAVA_HOME", javaHome.toString()), userHome(), this.root);
		assertThat(candidates).containsExactly(mac.toRealPath(), javaHome.toRealPath());
	}

	@Test
	void listsALinkedJdkOnce() throws IOException {
		Path jdk = fakeJdk(this.root.resolve("usr/lib/jvm/java-17-openjdk-amd64"), "17.0.15");
		Files.createSymbolicLink(this.root.resolve("usr/lib/jvm/java-1.17.0-openjdk-amd64"), jdk);
		// a directory without a release file is no JDK
		Files.createDirectories(this.root.resolve("usr/lib/jvm/openjdk-17"));
		assertThat(JavaHomes.candidates(Map.of(), userHome(), this.root)).containsExactly(jdk.toRealPath());
	}

	@Test
	void failsWithInstructionsWhenThereIsNoJdk17() throws IOException {
		fakeJdk(this.root.resolve("usr/lib/jvm/temurin-25"), "25.0.3");
		assertThatExceptionOfType(LocalStoreException.class)
			.isThrownBy(() -> JavaHomes.select(25, this.root.resolve("running"), Map.of(), userHome(), this.root))
			.withMessageContaining("cassandra did not start")
			.withMessageContaining("this JVM is 25")
			.withMessageContaining("apt-get install openjdk-17-jdk-headless")
			.withMessageContaining("CASSANDRA_JAVA_HOME")
			.withMessageContaining("docker compose");
	}

	private static Path fakeJdk(Path home, String version) throws IOException {
		Files.createDirectories(home.resolve("bin"));
		Files.writeString(home.resolve("bin/java"), "");
		Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
		return home;
	}

}
